// Comparison of Connect values by content: ValuesEqual (Struct.Equal compares fields with it).

package connect

import (
	"bytes"
	"math"
	"reflect"
	"time"
)

// ValuesEqual compares Connect values: structs, decimals, times and bytes by content, maps
// regardless of entry order, numbers by value within their Go type.
func ValuesEqual(a, b any) bool {
	if isNil(a) || isNil(b) {
		return isNil(a) && isNil(b)
	}
	switch va := a.(type) {
	case *Struct:
		vb, ok := b.(*Struct)
		return ok && va.Equal(vb)
	case []byte:
		vb, ok := b.([]byte)
		return ok && bytes.Equal(va, vb)
	case Decimal:
		vb, ok := b.(Decimal)
		return ok && va.Equal(vb)
	case time.Time:
		vb, ok := b.(time.Time)
		return ok && va.Equal(vb)
	case float64:
		vb, ok := b.(float64)
		return ok && (va == vb || (math.IsNaN(va) && math.IsNaN(vb)))
	case float32:
		vb, ok := b.(float32)
		return ok && (va == vb || (va != va && vb != vb))
	}
	if ea, ok := mapEntriesOf(a); ok {
		eb, ok := mapEntriesOf(b)
		if !ok || len(ea) != len(eb) {
			return false
		}
		used := make([]bool, len(eb))
	outer:
		for _, x := range ea {
			for j, y := range eb {
				if !used[j] && ValuesEqual(x.Key, y.Key) && ValuesEqual(x.Value, y.Value) {
					used[j] = true
					continue outer
				}
			}
			return false
		}
		return true
	}
	if sa, ok := sliceOf(a); ok {
		sb, ok := sliceOf(b)
		if !ok || sa.Len() != sb.Len() {
			return false
		}
		for i := 0; i < sa.Len(); i++ {
			if !ValuesEqual(sa.Index(i).Interface(), sb.Index(i).Interface()) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}
