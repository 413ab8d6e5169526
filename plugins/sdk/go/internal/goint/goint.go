// Package goint reads the Go integer kinds a Connect value may take (int8 … uint64) as one int64,
// for the connect package's validation and the wire package's encoding alike.
package goint

import "math"

// ToInt64 is the value as int64 when it is a Go integer that fits one (a uint64 above
// math.MaxInt64 does not); false for anything else.
func ToInt64(value any) (int64, bool) {
	switch v := value.(type) {
	case int8:
		return int64(v), true
	case int16:
		return int64(v), true
	case int32:
		return int64(v), true
	case int64:
		return v, true
	case int:
		return int64(v), true
	case uint8:
		return int64(v), true
	case uint16:
		return int64(v), true
	case uint32:
		return int64(v), true
	case uint:
		if uint64(v) > math.MaxInt64 {
			return 0, false
		}
		return int64(v), true
	case uint64:
		if v > math.MaxInt64 {
			return 0, false
		}
		return int64(v), true
	}
	return 0, false
}
