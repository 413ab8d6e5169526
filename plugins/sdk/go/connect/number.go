package connect

import (
	"math"
	"strconv"
)

// AppendNumber appends f as JavaScript prints a number (and as encoding/json does): plain notation
// for 1e-6 <= |f| < 1e21, otherwise an exponent ("1e+21", "1e-7"); the shortest text that reads
// back as the same float of the given bit size (32 or 64). NaN and infinities are not JSON
// numbers: the caller handles them.
func AppendNumber(b []byte, f float64, bits int) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	start := len(b)
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b) - start
		if n >= 4 && b[len(b)-4] == 'e' && b[len(b)-3] == '-' && b[len(b)-2] == '0' {
			b[len(b)-2] = b[len(b)-1]
			b = b[:len(b)-1]
		}
	}
	return b
}
