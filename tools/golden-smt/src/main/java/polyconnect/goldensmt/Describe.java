// Describes Connect values as typed JSON, in the form of tools/golden's Describe (which this tool
// does not share code with): numbers by value ({"int":"5"} for any whole number, since the
// TypeScript data model holds Long 5 and Double 5.0 alike), other doubles by their IEEE-754 bits,
// everything else tagged with its kind. Maps keep Java's iteration order; tests sort them.
package polyconnect.goldensmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;

final class Describe {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Describe() {
    }

    static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
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
            return value(bytes);
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
            list.forEach(element -> elements.add(value(element)));
            return tagged("array", elements);
        }
        if (value instanceof Map<?, ?> map) {
            ArrayNode entries = NODES.arrayNode();
            map.forEach((key, element) -> entries.add(NODES.arrayNode().add(value(key)).add(value(element))));
            return tagged("map", entries);
        }
        if (value instanceof Struct struct) {
            ArrayNode fields = NODES.arrayNode();
            for (Field field : struct.schema().fields()) {
                fields.add(NODES.arrayNode().add(field.name()).add(value(struct.getWithoutDefault(field.name()))));
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
