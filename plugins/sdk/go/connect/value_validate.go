// Validation of a value against its schema (Kafka's ConnectSchema.validateValue): ValidateValue
// and the recursive check Struct.Put and Struct.Validate use.

package connect

import (
	"fmt"
	"time"
)

// ValidateValue checks that value fits schema (Kafka's ConnectSchema.validateValue).
func ValidateValue(schema *Schema, value any) error { return validateValue(schema, value, "") }

func validateValue(schema *Schema, value any, fieldName string) error {
	if isNil(value) {
		if schema.Optional || schema.Default != nil {
			return nil
		}
		where := ""
		if fieldName != "" {
			where = fmt.Sprintf(": %q", fieldName)
		}
		return NewDataError(fmt.Sprintf("Invalid value: null used for required field%s, schema type: %s", where, schema.Type))
	}
	mismatch := func() error {
		where := ""
		if fieldName != "" {
			where = fmt.Sprintf(" for field: %q", fieldName)
		}
		name := ""
		if schema.Name != "" {
			name = " (" + schema.Name + ")"
		}
		return NewDataError(fmt.Sprintf("Invalid value of type %T for schema with type %s%s%s", value, schema.Type, name, where))
	}
	switch schema.Name {
	case DecimalLogicalName:
		if _, err := decimalOf(value); err != nil {
			return mismatch()
		}
		return nil
	case DateLogicalName, TimeLogicalName, TimestampLogicalName:
		if _, ok := value.(time.Time); !ok {
			return mismatch()
		}
		return nil
	}
	switch schema.Type {
	case TypeInt8, TypeInt16, TypeInt32, TypeInt64:
		if _, ok := integerIn(value, schema.Type); !ok {
			return mismatch()
		}
	case TypeFloat32, TypeFloat64:
		if _, ok := floatOf(value); !ok {
			return mismatch()
		}
	case TypeBoolean:
		if _, ok := value.(bool); !ok {
			return mismatch()
		}
	case TypeString:
		if _, ok := value.(string); !ok {
			return mismatch()
		}
	case TypeBytes:
		if _, ok := value.([]byte); !ok {
			return mismatch()
		}
	case TypeArray:
		elements, ok := sliceOf(value)
		if !ok {
			return mismatch()
		}
		for i := 0; i < elements.Len(); i++ {
			if err := validateValue(schema.Value, elements.Index(i).Interface(), fieldName); err != nil {
				return err
			}
		}
	case TypeMap:
		entries, ok := mapEntriesOf(value)
		if !ok {
			return mismatch()
		}
		for _, entry := range entries {
			if err := validateValue(schema.Key, entry.Key, fieldName); err != nil {
				return err
			}
			if err := validateValue(schema.Value, entry.Value, fieldName); err != nil {
				return err
			}
		}
	case TypeStruct:
		st, ok := value.(*Struct)
		if !ok {
			return mismatch()
		}
		if st.schema != schema && !st.schema.Equal(schema) {
			return NewDataError(fmt.Sprintf("Struct schemas do not match: expected %s, got %s", schema, st.schema))
		}
		for i, field := range schema.Fields {
			if err := validateValue(field.Schema, st.values[i], field.Name); err != nil {
				return err
			}
		}
	default:
		return NewDataError(fmt.Sprintf("invalid schema type %s", schema.Type))
	}
	return nil
}
