package dev.nnc.passes.pipeline;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One option of a pass: a component of its options record, written {@code name=value} in
 * pipeline text with the component name in kebab-case ({@code sizeLimit} → {@code size-limit}).
 * Supported types: boolean, int, long, double (primitive or boxed), String, enums (lower-case
 * spelling) and {@code List} of any of these (comma-separated).
 */
public record OptionField(String name, RecordComponent component, Class<?> type, boolean list) {

    /** The options of a record type, in component order. */
    public static List<OptionField> of(Class<? extends Record> type) {
        List<OptionField> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            boolean list = List.class.equals(c.getType());
            Class<?> t = list ? elementType(c) : c.getType();
            if (!supported(t)) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + c.getName()
                        + ": option type " + c.getGenericType().getTypeName() + " is not supported");
            }
            out.add(new OptionField(Names.kebab(c.getName()), c, t, list));
        }
        return List.copyOf(out);
    }

    /** This option's value in {@code options}. */
    public Object get(Record options) {
        try {
            java.lang.reflect.Method accessor = component.getAccessor();
            accessor.setAccessible(true); // options records may be nested, non-public types
            return accessor.invoke(options);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read option " + name + " of " + options, e);
        }
    }

    /** A short type name for help text: {@code int}, {@code list<string>}, {@code relu|clip}. */
    public String typeName() {
        String base;
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object e : type.getEnumConstants()) {
                names.add(Names.enumSpelling((Enum<?>) e));
            }
            base = String.join("|", names);
        } else if (type == Boolean.class || type == boolean.class) {
            base = "bool";
        } else if (type == String.class) {
            base = "string";
        } else {
            base = type.isPrimitive() ? type.getName() : type.getSimpleName().toLowerCase(Locale.ROOT)
                    .replace("integer", "int");
        }
        return list ? "list<" + base + ">" : base;
    }

    private static Class<?> elementType(RecordComponent c) {
        Type g = c.getGenericType();
        if (g instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e) {
            return e;
        }
        return Void.class;
    }

    private static boolean supported(Class<?> t) {
        return t.isEnum() || t == String.class || t == boolean.class || t == Boolean.class
                || t == int.class || t == Integer.class || t == long.class || t == Long.class
                || t == double.class || t == Double.class;
    }
}
