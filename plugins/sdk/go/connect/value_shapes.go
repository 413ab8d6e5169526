// The Go forms a Connect value may take, shared by validation and comparison: what counts as
// null, MapEntry and the entries of a MAP value, integers within a type's range, floats, decimals
// and slices.

package connect

import (
	"fmt"
	"math"
	"math/big"
	"reflect"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/internal/goint"
)

// MapEntry is one entry of a MAP value whose keys are not strings (or whose order matters).
type MapEntry struct {
	Key   any
	Value any
}

func isNil(value any) bool {
	if value == nil {
		return true
	}
	switch v := value.(type) {
	case *Struct:
		return v == nil
	case []byte:
		return false // an empty byte slice is a value
	case *big.Int:
		return v == nil
	}
	return false
}

var integerRanges = map[Type][2]int64{
	TypeInt8:  {math.MinInt8, math.MaxInt8},
	TypeInt16: {math.MinInt16, math.MaxInt16},
	TypeInt32: {math.MinInt32, math.MaxInt32},
	TypeInt64: {math.MinInt64, math.MaxInt64},
}

// integerIn is the value as int64 when it is a Go integer within the type's range.
func integerIn(value any, t Type) (int64, bool) {
	n, ok := goint.ToInt64(value)
	if !ok {
		return 0, false
	}
	r := integerRanges[t]
	return n, n >= r[0] && n <= r[1]
}

func floatOf(value any) (float64, bool) {
	switch v := value.(type) {
	case float64:
		return v, true
	case float32:
		return float64(v), true
	}
	return 0, false
}

func decimalOf(value any) (Decimal, error) {
	switch v := value.(type) {
	case Decimal:
		return v, nil
	case *Decimal:
		if v != nil {
			return *v, nil
		}
	case *big.Int:
		return Decimal{Unscaled: v}, nil
	case int64:
		return NewDecimal(v, 0), nil
	case int:
		return NewDecimal(int64(v), 0), nil
	}
	return Decimal{}, NewDataError(fmt.Sprintf("a %T is not a Decimal", value))
}

func sliceOf(value any) (reflect.Value, bool) {
	if _, isBytes := value.([]byte); isBytes {
		return reflect.Value{}, false
	}
	v := reflect.ValueOf(value)
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return reflect.Value{}, false
	}
	return v, true
}

// mapEntriesOf gives the entries of a MAP value: []MapEntry, map[string]any or any Go map.
func mapEntriesOf(value any) ([]MapEntry, bool) {
	switch v := value.(type) {
	case []MapEntry:
		return v, true
	case map[string]any:
		entries := make([]MapEntry, 0, len(v))
		for key, element := range v {
			entries = append(entries, MapEntry{Key: key, Value: element})
		}
		return entries, true
	}
	rv := reflect.ValueOf(value)
	if rv.Kind() != reflect.Map {
		return nil, false
	}
	entries := make([]MapEntry, 0, rv.Len())
	iter := rv.MapRange()
	for iter.Next() {
		entries = append(entries, MapEntry{Key: iter.Key().Interface(), Value: iter.Value().Interface()})
	}
	return entries, true
}
