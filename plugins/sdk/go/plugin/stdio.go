package plugin

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"

	"github.com/hashicorp/go-hclog"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"
	"google.golang.org/protobuf/encoding/protowire"
)

// drainStdio keeps fmt.Print and friends working. After the handshake go-plugin points
// os.Stdout and os.Stderr at pipes that only its plugin.GRPCStdio/StreamStdio call empties;
// the Polyconnect worker never makes that call, so the pipes would fill up and every later write
// to os.Stdout or os.Stderr would block forever. The plugin makes the call itself, over an
// in-memory connection to its own gRPC server, and copies what arrives to the real stdout and
// stderr (which the worker logs: stderr as log lines, stdout tagged plugin-stdout).
func drainStdio(server *grpc.Server, stdout, stderr *os.File, logger hclog.Logger) {
	listener := bufconn.Listen(256 * 1024)
	go func() { _ = server.Serve(listener) }()
	go func() {
		conn, err := grpc.NewClient("passthrough:///stdio",
			grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return listener.DialContext(ctx) }),
			grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			logger.Warn("Cannot drain go-plugin's stdio pipes", "error", err)
			return
		}
		defer conn.Close()
		stream, err := conn.NewStream(context.Background(), &grpc.StreamDesc{ServerStreams: true}, "/plugin.GRPCStdio/StreamStdio", grpc.ForceCodec(rawCodec{}))
		if err == nil {
			err = stream.SendMsg(&rawMessage{})
		}
		if err == nil {
			err = stream.CloseSend()
		}
		for err == nil {
			var message rawMessage
			if err = stream.RecvMsg(&message); err != nil {
				break
			}
			channel, data := parseStdioData(message.data)
			if channel == 1 {
				_, _ = stdout.Write(data)
			} else {
				_, _ = stderr.Write(data)
			}
		}
		if err != io.EOF && status(err) != "" {
			logger.Debug("Stopped draining go-plugin's stdio pipes", "reason", status(err))
		}
	}()
}

func status(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// parseStdioData reads go-plugin's StdioData{channel = 1 (enum), data = 2 (bytes)}.
func parseStdioData(b []byte) (channel int, data []byte) {
	for len(b) > 0 {
		number, kind, n := protowire.ConsumeTag(b)
		if n < 0 {
			return channel, data
		}
		b = b[n:]
		switch {
		case number == 1 && kind == protowire.VarintType:
			v, m := protowire.ConsumeVarint(b)
			if m < 0 {
				return channel, data
			}
			channel, b = int(v), b[m:]
		case number == 2 && kind == protowire.BytesType:
			v, m := protowire.ConsumeBytes(b)
			if m < 0 {
				return channel, data
			}
			data, b = v, b[m:]
		default:
			m := protowire.ConsumeFieldValue(number, kind, b)
			if m < 0 {
				return channel, data
			}
			b = b[m:]
		}
	}
	return channel, data
}

type rawMessage struct{ data []byte }

// rawCodec passes message bytes through untouched (the request is an empty message).
type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error) {
	message, ok := v.(*rawMessage)
	if !ok {
		return nil, fmt.Errorf("rawCodec cannot marshal %T", v)
	}
	return message.data, nil
}

func (rawCodec) Unmarshal(data []byte, v any) error {
	message, ok := v.(*rawMessage)
	if !ok {
		return fmt.Errorf("rawCodec cannot unmarshal into %T", v)
	}
	message.data = append([]byte(nil), data...)
	return nil
}

func (rawCodec) Name() string { return "proto" }
