package connect

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

// Error is Kafka Connect's exception family for Go: an error with a class name (shown in the
// task's trace), a retriable flag (Kafka's RetriableException: the worker may retry the same call)
// and the stack where it was created. Create them with NewConnectError, NewRetriableError,
// NewDataError, or Retriable(err) to mark any error as retriable.
//
// The runtime reads these interfaces anywhere in an error's chain (errors.As), so plugin code may
// also define its own error types:
//
//	interface{ ErrorClass() string }  // the class name in traces; default: the Go type
//	interface{ Retriable() bool }     // true: the worker may retry
//	interface{ StackTrace() string }  // the trace text; default: where the SDK caught it
type Error struct {
	class     string
	message   string
	retriable bool
	cause     error
	stack     []uintptr
}

func newError(class, message string, retriable bool, cause error) *Error {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	return &Error{class: class, message: message, retriable: retriable, cause: cause, stack: pcs[:n]}
}

// NewConnectError is a non-retriable error (Kafka's ConnectException), optionally with a cause.
func NewConnectError(message string, cause ...error) *Error {
	return newError("ConnectException", message, false, causeOf(cause))
}

// NewRetriableError is Kafka's RetriableException: the worker may retry the failed call.
func NewRetriableError(message string, cause ...error) *Error {
	return newError("RetriableException", message, true, causeOf(cause))
}

// NewDataError is Kafka's DataException: data that does not fit its schema.
func NewDataError(message string, cause ...error) *Error {
	return newError("DataException", message, false, causeOf(cause))
}

func causeOf(causes []error) error {
	if len(causes) == 1 {
		return causes[0]
	}
	return errors.Join(causes...)
}

// Retriable marks err as retriable, keeping its message (nil stays nil).
func Retriable(err error) error {
	if err == nil {
		return nil
	}
	return newError("RetriableException", err.Error(), true, err)
}

func (e *Error) Error() string {
	return e.message
}

// Unwrap gives the cause.
func (e *Error) Unwrap() error { return e.cause }

// ErrorClass is the Kafka class name: "ConnectException", "RetriableException", "DataException".
func (e *Error) ErrorClass() string { return e.class }

// Retriable reports whether the failed call may be retried.
func (e *Error) Retriable() bool { return e.retriable }

// StackTrace is Java-like: "Class: message", one "\tat function (file:line)" per frame, and the
// causes as "Caused by:" sections.
func (e *Error) StackTrace() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", e.class, e.message)
	writeFrames(&b, e.stack)
	writeCauses(&b, e.cause)
	return b.String()
}

func writeFrames(b *strings.Builder, stack []uintptr) {
	if len(stack) == 0 {
		return
	}
	frames := runtime.CallersFrames(stack)
	for {
		frame, more := frames.Next()
		if frame.Function != "" && !strings.HasPrefix(frame.Function, "runtime.") {
			fmt.Fprintf(b, "\n\tat %s (%s:%d)", frame.Function, frame.File, frame.Line)
		}
		if !more {
			return
		}
	}
}

func writeCauses(b *strings.Builder, cause error) {
	for cause != nil {
		if traced, ok := cause.(interface{ StackTrace() string }); ok {
			fmt.Fprintf(b, "\nCaused by: %s", traced.StackTrace())
			return
		}
		fmt.Fprintf(b, "\nCaused by: %s: %s", ErrorClassOf(cause), cause.Error())
		cause = errors.Unwrap(cause)
	}
}

// ErrorClassOf is the class name the runtime reports for err: the first ErrorClass() in its
// chain, else its Go type without the pointer star ("fs.PathError", "errors.errorString").
func ErrorClassOf(err error) string {
	var classed interface{ ErrorClass() string }
	if errors.As(err, &classed) {
		return classed.ErrorClass()
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", err), "*")
}

// IsRetriable reports whether any error in err's chain says it is retriable.
func IsRetriable(err error) bool {
	for err != nil {
		if r, ok := err.(interface{ Retriable() bool }); ok && r.Retriable() {
			return true
		}
		err = errors.Unwrap(err)
	}
	return false
}

// StackTraceOf is the trace the runtime reports for err: the StackTrace() of the first error in
// the chain that has one, else "Class: message" followed by the chain's causes.
func StackTraceOf(err error) string {
	if outer, ok := err.(interface{ StackTrace() string }); ok {
		return outer.StackTrace()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", ErrorClassOf(err), err.Error())
	writeCauses(&b, errors.Unwrap(err))
	return b.String()
}
