package plugin

import (
	"context"
	"fmt"
	"runtime/debug"

	"google.golang.org/grpc"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/internal/wire"
)

// handle runs one call's plugin code: a panic becomes an error, and an error becomes the gRPC
// status of docs/plugin-protocol.md section 8 with ErrorInfo in the trailing metadata.
func handle[R any](ctx context.Context, fn func() (R, error)) (response R, err error) {
	defer func() {
		if recovered := recover(); recovered != nil {
			err = newPanicError(recovered)
		}
		if err != nil {
			var zero R
			response = zero
			err = statusError(ctx, err)
		}
	}()
	return fn()
}

func statusError(ctx context.Context, err error) error {
	st, trailer := wire.Status(err)
	_ = grpc.SetTrailer(ctx, trailer)
	return st.Err()
}

// panicError is a panic in plugin code, reported like an exception with the goroutine's stack.
type panicError struct {
	value any
	stack string
}

func newPanicError(value any) *panicError {
	return &panicError{value: value, stack: string(debug.Stack())}
}

func (p *panicError) Error() string      { return fmt.Sprint(p.value) }
func (p *panicError) ErrorClass() string { return "panic" }
func (p *panicError) StackTrace() string { return fmt.Sprintf("panic: %v\n\n%s", p.value, p.stack) }

// Unwrap keeps a panic(err)'s error in the chain (for its class and retriable flag).
func (p *panicError) Unwrap() error {
	err, _ := p.value.(error)
	return err
}
