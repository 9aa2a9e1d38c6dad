package dev.nnc.ir.spec;

import dev.nnc.ir.attr.Attribute;

/** One attribute an op accepts: name, kind, default (null when none) and whether it is required. */
public record AttrSpec(String name, AttrKind kind, Attribute defaultValue, boolean required) {
}
