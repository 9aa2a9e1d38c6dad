package dev.nnc.passes.quant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.io.FileAccess;
import dev.nnc.ir.type.FixedType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of every layer: defaults, and per-layer overrides keyed by node name (the op's
 * location name) from a small JSON file:
 * <pre>
 * { "layers": { "Plus30": { "bits": 8, "per_channel": true },
 *               "Softmax": { "type": "fixed&lt;18,8&gt;" } } }
 * </pre>
 * Keys of a layer (and of the top level, which overrides the command's defaults): {@code type},
 * {@code bits}, {@code weight_bits}, {@code per_channel}, {@code rounding}, {@code overflow}.
 */
public final class QuantConfig {
    private static final Set<String> KEYS = Set.of("type", "bits", "weight_bits", "per_channel", "rounding", "overflow");

    private final LayerSettings defaults;
    private final Map<String, LayerSettings> layers;
    private final String source;
    private final Map<String, String> aliases;

    public QuantConfig(LayerSettings defaults, Map<String, LayerSettings> layers, String source) {
        this(defaults, layers, source, Map.of());
    }

    private QuantConfig(LayerSettings defaults, Map<String, LayerSettings> layers, String source, Map<String, String> aliases) {
        this.defaults = defaults;
        this.layers = Map.copyOf(layers);
        this.source = source;
        this.aliases = Map.copyOf(aliases);
    }

    public static QuantConfig of(LayerSettings defaults) {
        return new QuantConfig(defaults, Map.of(), null);
    }

    public LayerSettings defaults() {
        return defaults;
    }

    /** The settings of the layer named {@code name} (null or unnamed: the defaults). */
    public LayerSettings forLayer(String name) {
        if (name == null) {
            return defaults;
        }
        LayerSettings s = layers.get(name);
        if (s != null) {
            return s;
        }
        for (Map.Entry<String, String> a : new java.util.TreeMap<>(aliases).entrySet()) {
            if (a.getValue().equals(name) && layers.containsKey(a.getKey())) {
                return layers.get(a.getKey());
            }
        }
        return defaults;
    }

    /**
     * This config, also knowing that node {@code old} is now part of the op named {@code now}
     * (for each entry of {@code aliases}), so a layer configured under its old name applies.
     */
    public QuantConfig withAliases(Map<String, String> aliases) {
        Map<String, String> known = new LinkedHashMap<>(this.aliases);
        known.putAll(aliases);
        return new QuantConfig(defaults, layers, source, known);
    }

    /** Old node names this config was told about (see {@link #withAliases}). */
    public Set<String> aliasNames() {
        return aliases.keySet();
    }

    /** The layer names the config mentions. */
    public Set<String> layerNames() {
        return new TreeSet<>(layers.keySet());
    }

    /** Where the overrides came from (the file), or null. */
    public String source() {
        return source;
    }

    /** Reads a JSON config file over {@code defaults}; every mistake is one line naming the file. */
    public static QuantConfig read(Path file, LayerSettings defaults) {
        String text = new String(FileAccess.readAll(file), StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new NncException(file + ": not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new NncException(file + ": expected a JSON object with a \"layers\" object");
        }
        LayerSettings base = settings(file, "top level", root, defaults, true);
        Map<String, LayerSettings> layers = new LinkedHashMap<>();
        JsonNode ls = root.get("layers");
        if (ls != null) {
            if (!ls.isObject()) {
                throw new NncException(file + ": \"layers\" must be an object of layer name to settings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = ls.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isObject()) {
                    throw new NncException(file + ": layer '" + e.getKey() + "' must map to an object of settings");
                }
                layers.put(e.getKey(), settings(file, "layer '" + e.getKey() + "'", e.getValue(), base, false));
            }
        }
        return new QuantConfig(base, layers, file.toString());
    }

    private static LayerSettings settings(Path file, String where, JsonNode n, LayerSettings base, boolean top) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k) && !(top && k.equals("layers"))) {
                throw new NncException(file + ": " + where + ": unknown key '" + k + "' (known: " + new TreeSet<>(KEYS) + ")");
            }
        }
        try {
            FixedType type = base.type();
            int bits = base.bits();
            if (n.has("type")) {
                type = LayerSettings.parseType(text(n, "type"));
                bits = 0;
            }
            if (n.has("bits")) {
                bits = integer(n, "bits");
                type = n.has("type") ? type : null;
            }
            int wb = n.has("weight_bits") ? integer(n, "weight_bits") : base.weightBits();
            boolean pc = base.perChannel();
            if (n.has("per_channel")) {
                if (!n.get("per_channel").isBoolean()) {
                    throw new IllegalArgumentException("per_channel must be true or false");
                }
                pc = n.get("per_channel").booleanValue();
            }
            CastMode mode = CastMode.parse(n.has("rounding") ? text(n, "rounding") : base.mode().rounding().name(),
                    n.has("overflow") ? text(n, "overflow") : base.mode().overflow().name());
            return new LayerSettings(type, bits, wb, pc, mode);
        } catch (IllegalArgumentException e) {
            throw new NncException(file + ": " + where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String key) {
        if (!n.get(key).isTextual()) {
            throw new IllegalArgumentException(key + " must be a string");
        }
        return n.get(key).textValue();
    }

    private static int integer(JsonNode n, String key) {
        if (!n.get(key).isInt()) {
            throw new IllegalArgumentException(key + " must be an integer");
        }
        return n.get(key).intValue();
    }
}
