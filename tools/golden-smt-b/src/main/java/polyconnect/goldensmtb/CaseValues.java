// Connect values to and from the typed JSON of test/golden/transforms-b/cases.json: builds the Java
// value a description stands for under a schema (an {"int":"5"} is a Byte for an INT8 schema and a
// Long without a schema, as JsonConverter reads schemaless numbers), and describes Kafka's results
// the same way ({"int":...} for every whole number, IEEE-754 double bits for other numbers).
package polyconnect.goldensmtb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class CaseValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CaseValues() {
    }

    /** The Java value `description` stands for; `schema` (may be null) picks the Java number classes. */
    static Object build(JsonNode description, Schema schema) {
        if (description == null || description.isNull()) {
            return null;
        }
        String tag = description.fieldNames().next();
        JsonNode content = description.get(tag);
        switch (tag) {
            case "int":
                return integer(new BigInteger(content.asText()), schema);
            case "float": {
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(content.asText(), 16));
                return schema != null && schema.type() == Schema.Type.FLOAT32 ? (Object) (float) d : (Object) d;
            }
            case "boolean":
                return content.asBoolean();
            case "string":
                return content.asText();
            case "bytes":
                return Base64.getDecoder().decode(content.asText());
            case "decimal":
                return new BigDecimal(new BigInteger(content.get("unscaled").asText()), content.get("scale").asInt());
            case "date":
                return new java.util.Date(Long.parseLong(content.asText()));
            case "array": {
                List<Object> list = new ArrayList<>();
                for (JsonNode element : content) {
                    list.add(build(element, schema == null ? null : schema.valueSchema()));
                }
                return list;
            }
            case "map": {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (JsonNode entry : content) {
                    map.put(build(entry.get(0), schema == null ? null : schema.keySchema()),
                            build(entry.get(1), schema == null ? null : schema.valueSchema()));
                }
                return map;
            }
            case "struct": {
                Struct struct = new Struct(schema);
                for (JsonNode entry : content) {
                    String name = entry.get(0).asText();
                    struct.put(name, build(entry.get(1), schema.field(name).schema()));
                }
                return struct;
            }
            default:
                throw new IllegalArgumentException("Unknown value tag " + tag);
        }
    }

    private static Object integer(BigInteger value, Schema schema) {
        Schema.Type type = schema == null ? Schema.Type.INT64 : schema.type();
        switch (type) {
            case INT8:
                return value.byteValueExact();
            case INT16:
                return value.shortValueExact();
            case INT32:
                return value.intValueExact();
            case FLOAT32:
                return value.floatValue();
            case FLOAT64:
                return value.doubleValue();
            default:
                return value.longValueExact();
        }
    }

    static JsonNode describe(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger) {
            return tagged("int", NODES.textNode(value.toString()));
        }
        if (value instanceof Float f) {
            return floating(f.doubleValue());
        }
        if (value instanceof Double d) {
            return floating(d);
        }
        if (value instanceof Boolean b) {
            return tagged("boolean", NODES.booleanNode(b));
        }
        if (value instanceof String s) {
            return tagged("string", NODES.textNode(s));
        }
        if (value instanceof byte[] bytes) {
            return tagged("bytes", NODES.textNode(Base64.getEncoder().encodeToString(bytes)));
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return describe(bytes);
        }
        if (value instanceof BigDecimal decimal) {
            ObjectNode parts = NODES.objectNode();
            parts.put("unscaled", decimal.unscaledValue().toString());
            parts.put("scale", decimal.scale());
            return tagged("decimal", parts);
        }
        if (value instanceof java.util.Date date) {
            return tagged("date", NODES.textNode(Long.toString(date.getTime())));
        }
        if (value instanceof List<?> list) {
            ArrayNode elements = NODES.arrayNode();
            list.forEach(element -> elements.add(describe(element)));
            return tagged("array", elements);
        }
        if (value instanceof Map<?, ?> map) {
            ArrayNode entries = NODES.arrayNode();
            map.forEach((key, element) -> entries.add(NODES.arrayNode().add(describe(key)).add(describe(element))));
            return tagged("map", entries);
        }
        if (value instanceof Struct struct) {
            ArrayNode fields = NODES.arrayNode();
            for (Field field : struct.schema().fields()) {
                fields.add(NODES.arrayNode().add(field.name()).add(describe(struct.getWithoutDefault(field.name()))));
            }
            return tagged("struct", fields);
        }
        throw new IllegalArgumentException("Cannot describe " + value.getClass());
    }

    private static JsonNode floating(double d) {
        boolean negativeZero = d == 0 && Double.doubleToRawLongBits(d) != 0;
        if (!Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d) && !negativeZero) {
            return tagged("int", NODES.textNode(new BigDecimal(d).toBigInteger().toString()));
        }
        return tagged("float", NODES.textNode(String.format("%016x", Double.doubleToLongBits(d))));
    }

    private static JsonNode tagged(String tag, JsonNode content) {
        ObjectNode node = NODES.objectNode();
        node.set(tag, content);
        return node;
    }
}
