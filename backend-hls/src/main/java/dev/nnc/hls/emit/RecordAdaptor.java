package dev.nnc.hls.emit;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.stringtemplate.v4.Interpreter;
import org.stringtemplate.v4.ST;
import org.stringtemplate.v4.misc.STNoSuchPropertyException;
import org.stringtemplate.v4.ModelAdaptor;

/**
 * The one model adaptor: templates read output-model records by component name ({@code w.msb}
 * calls {@code w.msb()}), and {@code kind}, unless the record has a component of that name, gives
 * the record's simple class name, which is the name of the template that lays it out.
 */
final class RecordAdaptor implements ModelAdaptor<Record> {
    private final Map<Class<?>, Map<String, Method>> accessors = new ConcurrentHashMap<>();

    @Override
    public Object getProperty(Interpreter interp, ST self, Record model, Object property, String propertyName)
            throws STNoSuchPropertyException {
        Method m = accessors.computeIfAbsent(model.getClass(), RecordAdaptor::components).get(propertyName);
        if (m == null && "kind".equals(propertyName)) {
            return model.getClass().getSimpleName();
        }
        if (m == null) {
            throw new STNoSuchPropertyException(null, model, propertyName);
        }
        try {
            return m.invoke(model);
        } catch (ReflectiveOperationException e) {
            throw new STNoSuchPropertyException(e, model, propertyName);
        }
    }

    private static Map<String, Method> components(Class<?> type) {
        Map<String, Method> out = new ConcurrentHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Method m = c.getAccessor();
            m.setAccessible(true);
            out.put(c.getName(), m);
        }
        return out;
    }
}
