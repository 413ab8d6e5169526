// Package plugin turns a Go program into a Polyconnect plugin process, on top of HashiCorp's
// go-plugin: go-plugin does the launch contract (magic cookie, version negotiation, the unix
// socket in PLUGIN_UNIX_SOCKET_DIR, the handshake line, grpc.health.v1 "plugin" SERVING,
// plugin.GRPCController/Shutdown, SIGINT ignored), this package adds the Polyconnect services,
// the connector and task instances, SIGTERM handling, a watch for a dead worker, and hclog JSON
// logging on stderr. See docs/plugin-protocol.md for the protocol and README.md for a guide.
//
//	func main() {
//		plugin.Serve(plugin.Options{
//			Name: "my-plugin", Version: "1.0.0",
//			Sources: []plugin.SourceClass{{
//				Class: "com.example.MySourceConnector", Aliases: []string{"MySource"},
//				NewConnector: func() connect.SourceConnector { return &MyConnector{} },
//				TaskClass: "com.example.MySourceTask",
//				NewTask: func() connect.SourceTask { return &MyTask{} },
//			}},
//		})
//	}
package plugin

import (
	"context"
	"fmt"
	"math"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"
)

// The launch contract's constants (docs/plugin-protocol.md section 2).
const (
	MagicCookieKey   = "POLYCONNECT_PLUGIN"
	MagicCookieValue = "d1f1b7c4e2a94f6e8b3a5c0f7e9d2b41"
	// AppProtocolVersion is the Polyconnect plugin protocol version this SDK speaks.
	AppProtocolVersion = 1
	// DefaultGCPercent is the plugin's garbage collector target unless GOGC is set.
	DefaultGCPercent = 400
	// LogLevelEnv names the minimum log level (trace, debug, info, warn, error); default info.
	LogLevelEnv = "POLYCONNECT_PLUGIN_LOG_LEVEL"
)

// Handshake is go-plugin's handshake for Polyconnect plugins.
var Handshake = goplugin.HandshakeConfig{
	ProtocolVersion:  AppProtocolVersion,
	MagicCookieKey:   MagicCookieKey,
	MagicCookieValue: MagicCookieValue,
}

// Options describe the plugin: its name and version (as in plugin.json) and its connector classes.
type Options struct {
	Name    string
	Version string
	Sources []SourceClass
	Sinks   []SinkClass
	// ShutdownTimeout bounds stopping every instance on Shutdown or SIGTERM; default 5 s.
	ShutdownTimeout time.Duration
	// Logger replaces the default logger (hclog JSON on stderr at POLYCONNECT_PLUGIN_LOG_LEVEL).
	Logger hclog.Logger
}

// NewLogger is the plugin's default logger: hclog JSON lines on the process's stderr, at the
// level POLYCONNECT_PLUGIN_LOG_LEVEL names (info when unset). The worker reads @level and
// @message and keeps the other keys as fields.
func NewLogger(name string) hclog.Logger {
	level := hclog.LevelFromString(os.Getenv(LogLevelEnv))
	if level == hclog.NoLevel {
		level = hclog.Info
	}
	return hclog.New(&hclog.LoggerOptions{Name: name, Level: level, Output: os.Stderr, JSONFormat: true})
}

// Serve serves the plugin until the worker shuts it down, then exits the process with status 0.
// When the process was not started by a Polyconnect worker (no magic cookie), or the worker
// offers no protocol version this SDK speaks, it explains why on stderr and exits with status 1.
func Serve(opts Options) {
	if os.Getenv(MagicCookieKey) != MagicCookieValue {
		fmt.Fprintln(os.Stderr, "This program is a Polyconnect plugin. It is not meant to be run directly: put its folder on a worker's plugin.path and use its connector classes in connector configs.")
		os.Exit(1)
	}
	if offered := os.Getenv("PLUGIN_PROTOCOL_VERSIONS"); !offers(offered, AppProtocolVersion) {
		fmt.Fprintf(os.Stderr, "No common plugin protocol version: the worker offers %q, this plugin speaks %d\n", offered, AppProtocolVersion)
		os.Exit(1)
	}
	if opts.Logger == nil {
		opts.Logger = NewLogger(opts.Name)
	}
	hclog.SetDefault(opts.Logger)
	if os.Getenv("GOGC") == "" {
		// A plugin's live heap is small (a batch or two), and Go's default GC (100) spends a large
		// share of a fast source's CPU collecting it: at 400 the datagen plugin needs about a
		// third less CPU per record (plugins/connectors/datagen-go/bench). GOGC overrides it.
		debug.SetGCPercent(DefaultGCPercent)
	}
	logger := opts.Logger
	server, err := NewServer(opts)
	if err != nil {
		logger.Error("The plugin's options are invalid", "error", err)
		os.Exit(1)
	}

	// go-plugin swaps os.Stdout and os.Stderr for pipes after the handshake; keep the real ones.
	realStdout, realStderr := os.Stdout, os.Stderr
	var grpcServer atomic.Pointer[grpc.Server]
	stopping := make(chan struct{})
	var stopOnce atomic.Bool
	stop := func(reason string) {
		if !stopOnce.CompareAndSwap(false, true) {
			return
		}
		close(stopping)
		logger.Info("Stopping the plugin", "reason", reason)
		server.StopAll()
		if s := grpcServer.Load(); s != nil {
			s.Stop() // plugin.Serve returns
		} else {
			os.Exit(0)
		}
	}

	terminate := make(chan os.Signal, 1)
	signal.Notify(terminate, syscall.SIGTERM)
	go func() {
		select {
		case <-terminate:
			stop("SIGTERM")
		case <-stopping:
		}
	}()
	go watchParent(logger, stopping, stop)

	goplugin.Serve(&goplugin.ServeConfig{
		HandshakeConfig: Handshake,
		Plugins:         goplugin.PluginSet{"polyconnect": &grpcPlugin{server: server, stdout: realStdout, stderr: realStderr, logger: logger}},
		GRPCServer: func(options []grpc.ServerOption) *grpc.Server {
			options = append(options, grpc.MaxRecvMsgSize(math.MaxInt32), grpc.MaxSendMsgSize(math.MaxInt32))
			s := grpc.NewServer(options...)
			grpcServer.Store(s)
			return s
		},
		Logger: logger,
	})
	// Served until plugin.GRPCController/Shutdown, SIGTERM or the worker's death stopped the
	// server; go-plugin has removed the socket. Stop what is still running and exit.
	server.StopAll()
	os.Exit(0)
}

func offers(list string, version int) bool {
	if list == "" {
		return true // a host that says nothing gets version 1, as go-plugin does
	}
	for _, item := range strings.Split(list, ",") {
		if v, err := strconv.Atoi(strings.TrimSpace(item)); err == nil && v == version {
			return true
		}
	}
	return false
}

// watchParent stops the plugin when the worker is gone: a worker killed with SIGKILL cannot stop
// its plugins, which are then re-parented (to init or a subreaper). go-plugin servers do not
// watch for this themselves.
func watchParent(logger hclog.Logger, stopping <-chan struct{}, stop func(string)) {
	parent := os.Getppid()
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for {
		select {
		case <-stopping:
			return
		case <-ticker.C:
			if os.Getppid() != parent {
				logger.Warn(fmt.Sprintf("The worker (pid %d) is gone; stopping this plugin", parent))
				stop("the worker is gone")
				return
			}
		}
	}
}

var _ goplugin.GRPCPlugin = (*grpcPlugin)(nil)

// grpcPlugin registers the Polyconnect services on go-plugin's gRPC server.
type grpcPlugin struct {
	goplugin.NetRPCUnsupportedPlugin
	server         *Server
	stdout, stderr *os.File
	logger         hclog.Logger
}

func (p *grpcPlugin) GRPCServer(_ *goplugin.GRPCBroker, s *grpc.Server) error {
	p.server.Register(s)
	drainStdio(s, p.stdout, p.stderr, p.logger)
	return nil
}

func (p *grpcPlugin) GRPCClient(_ context.Context, _ *goplugin.GRPCBroker, _ *grpc.ClientConn) (any, error) {
	return nil, fmt.Errorf("a Polyconnect plugin has no Go client side")
}
