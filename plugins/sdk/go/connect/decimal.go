package connect

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"
)

// Decimal is an arbitrary-precision decimal number: Unscaled × 10^(−Scale), Java's BigDecimal as
// Kafka's Decimal logical type uses it. The zero Decimal is 0 at scale 0.
type Decimal struct {
	Unscaled *big.Int
	Scale    int32
}

var decimalText = regexp.MustCompile(`^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$`)

// NewDecimal is unscaled × 10^(−scale).
func NewDecimal(unscaled int64, scale int32) Decimal {
	return Decimal{Unscaled: big.NewInt(unscaled), Scale: scale}
}

// ParseDecimal reads decimal text ("12.30", "-0.5", "1.2E+1"), keeping the scale it is written with.
func ParseDecimal(text string) (Decimal, error) {
	match := decimalText.FindStringSubmatch(strings.TrimSpace(text))
	if match == nil || (match[2] == "" && match[3] == "") {
		return Decimal{}, NewDataError(fmt.Sprintf("not a decimal number: %q", text))
	}
	sign, whole, fraction, exponent := match[1], match[2], match[3], match[4]
	digits := whole + fraction
	if digits == "" {
		digits = "0"
	}
	unscaled, ok := new(big.Int).SetString(sign+digits, 10)
	if !ok {
		return Decimal{}, NewDataError(fmt.Sprintf("not a decimal number: %q", text))
	}
	scale := int64(len(fraction))
	if exponent != "" {
		var e int64
		if _, err := fmt.Sscan(exponent, &e); err != nil {
			return Decimal{}, NewDataError(fmt.Sprintf("not a decimal number: %q", text))
		}
		scale -= e
	}
	if scale > 1<<31-1 || scale < -1<<31 {
		return Decimal{}, NewDataError(fmt.Sprintf("decimal exponent out of range: %q", text))
	}
	return Decimal{Unscaled: unscaled, Scale: int32(scale)}, nil
}

// MustParseDecimal is ParseDecimal that panics on bad text (for constants and tests).
func MustParseDecimal(text string) Decimal {
	d, err := ParseDecimal(text)
	if err != nil {
		panic(err)
	}
	return d
}

func (d Decimal) unscaled() *big.Int {
	if d.Unscaled == nil {
		return new(big.Int)
	}
	return d.Unscaled
}

var bigTen = big.NewInt(10)

func pow10(n int64) *big.Int { return new(big.Int).Exp(bigTen, big.NewInt(n), nil) }

// WithScale is the same number at another scale. Making the scale smaller fails when it would
// drop non-zero digits (Java's RoundingMode.UNNECESSARY): decimals are never rounded.
func (d Decimal) WithScale(scale int32) (Decimal, error) {
	switch {
	case scale == d.Scale:
		return Decimal{Unscaled: d.unscaled(), Scale: scale}, nil
	case scale > d.Scale:
		return Decimal{Unscaled: new(big.Int).Mul(d.unscaled(), pow10(int64(scale)-int64(d.Scale))), Scale: scale}, nil
	default:
		quotient, remainder := new(big.Int).QuoRem(d.unscaled(), pow10(int64(d.Scale)-int64(scale)), new(big.Int))
		if remainder.Sign() != 0 {
			return Decimal{}, NewDataError(fmt.Sprintf("cannot rescale %s to scale %d without rounding", d.String(), scale))
		}
		return Decimal{Unscaled: quotient, Scale: scale}, nil
	}
}

// PlainString is the number without an exponent (Java's toPlainString): "12.30", "-0.50", "1200".
func (d Decimal) PlainString() string {
	u := d.unscaled()
	negative := u.Sign() < 0
	digits := new(big.Int).Abs(u).String()
	var text string
	if d.Scale <= 0 {
		if u.Sign() == 0 {
			text = "0"
		} else {
			text = digits + strings.Repeat("0", int(-d.Scale))
		}
	} else {
		scale := int(d.Scale)
		if len(digits) < scale+1 {
			digits = strings.Repeat("0", scale+1-len(digits)) + digits
		}
		text = digits[:len(digits)-scale] + "." + digits[len(digits)-scale:]
	}
	if negative {
		return "-" + text
	}
	return text
}

// String is Java's BigDecimal.toString: plain unless the scale is negative or the number tiny.
func (d Decimal) String() string {
	u := d.unscaled()
	digits := new(big.Int).Abs(u).String()
	adjusted := -int64(d.Scale) + int64(len(digits)-1)
	if d.Scale >= 0 && adjusted >= -6 {
		return d.PlainString()
	}
	mantissa := digits
	if len(digits) > 1 {
		mantissa = digits[:1] + "." + digits[1:]
	}
	sign := ""
	if u.Sign() < 0 {
		sign = "-"
	}
	if adjusted >= 0 {
		return fmt.Sprintf("%s%sE+%d", sign, mantissa, adjusted)
	}
	return fmt.Sprintf("%s%sE%d", sign, mantissa, adjusted)
}

// Equal is Java's BigDecimal.equals: the same value at the same scale.
func (d Decimal) Equal(other Decimal) bool {
	return d.Scale == other.Scale && d.unscaled().Cmp(other.unscaled()) == 0
}

// Cmp compares the numeric values (1.0 and 1.00 are equal here).
func (d Decimal) Cmp(other Decimal) int {
	scale := max(d.Scale, other.Scale)
	a, _ := d.WithScale(scale)
	b, _ := other.WithScale(scale)
	return a.Unscaled.Cmp(b.Unscaled)
}
