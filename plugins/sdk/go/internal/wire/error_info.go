package wire

import (
	"errors"
	"fmt"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	pluginv1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/plugin/v1"
)

// ErrorInfoMetadataKey is the binary trailing metadata key that carries a serialized ErrorInfo.
const ErrorInfoMetadataKey = "polyconnect-error-info-bin"

// UnknownInstanceError: a call named an instance this process does not have (NOT_FOUND).
type UnknownInstanceError struct{ InstanceID string }

func (e *UnknownInstanceError) Error() string {
	return fmt.Sprintf("No instance %q in this plugin process", e.InstanceID)
}
func (e *UnknownInstanceError) ErrorClass() string { return "UnknownInstanceError" }

// ErrorInfo describes an error from plugin code.
func ErrorInfo(err error) *pluginv1.ErrorInfo {
	return &pluginv1.ErrorInfo{
		ErrorClass: connect.ErrorClassOf(err),
		Message:    err.Error(),
		StackTrace: connect.StackTraceOf(err),
		Retriable:  connect.IsRetriable(err),
	}
}

// StatusCode is the spec's mapping: retriable UNAVAILABLE, configuration INVALID_ARGUMENT,
// unknown instance NOT_FOUND, anything else INTERNAL.
func StatusCode(err error) codes.Code {
	var config *connect.ConfigError
	var unknown *UnknownInstanceError
	switch {
	case connect.IsRetriable(err):
		return codes.Unavailable
	case errors.As(err, &config):
		return codes.InvalidArgument
	case errors.As(err, &unknown):
		return codes.NotFound
	}
	return codes.Internal
}

// Status is the gRPC status for an error from plugin code ("<class>: <message>") and the trailer
// that carries its ErrorInfo.
func Status(err error) (*status.Status, metadata.MD) {
	info := ErrorInfo(err)
	bytes, _ := proto.Marshal(info)
	trailer := metadata.Pairs(ErrorInfoMetadataKey, string(bytes))
	return status.New(StatusCode(err), info.ErrorClass+": "+info.Message), trailer
}

// ErrorInfoFromTrailer reads the ErrorInfo a failed call carried, if any (the worker's side).
func ErrorInfoFromTrailer(trailer metadata.MD) *pluginv1.ErrorInfo {
	values := trailer.Get(ErrorInfoMetadataKey)
	if len(values) == 0 {
		return nil
	}
	info := &pluginv1.ErrorInfo{}
	if proto.Unmarshal([]byte(values[0]), info) != nil {
		return nil
	}
	return info
}
