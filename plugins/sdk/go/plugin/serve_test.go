package plugin_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/protobuf/types/known/emptypb"

	pluginv1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/plugin/v1"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/plugin"
)

// These tests launch this test binary as a real plugin process (go-plugin's helper-process trick)
// and speak to it as the worker does: environment, handshake line, health, calls, Shutdown, signals.

const helperEnv = "POLYCONNECT_GO_SDK_TEST_PLUGIN"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) == "1" {
		plugin.Serve(testOptions(&tasks{}))
		return
	}
	os.Exit(m.Run())
}

type launched struct {
	cmd       *exec.Cmd
	handshake string
	socket    string
	conn      *grpc.ClientConn
	mu        sync.Mutex
	stderr    []string
	stdout    []string
	exited    chan struct{}
}

func launchEnv(dir string, extra ...string) []string {
	env := append(os.Environ(), helperEnv+"=1", plugin.MagicCookieKey+"="+plugin.MagicCookieValue,
		"PLUGIN_PROTOCOL_VERSIONS=1", "PLUGIN_UNIX_SOCKET_DIR="+dir, "PLUGIN_MIN_PORT=0", "PLUGIN_MAX_PORT=0")
	return append(env, extra...)
}

func launch(t *testing.T, extraEnv ...string) *launched {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = launchEnv(dir, extraEnv...)
	stdout, _ := cmd.StdoutPipe()
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &launched{cmd: cmd, exited: make(chan struct{})}
	handshake := make(chan string, 1)
	go func() {
		scanner := bufio.NewScanner(stdout)
		scanner.Buffer(make([]byte, 1<<20), 1<<20)
		first := true
		for scanner.Scan() {
			if first {
				handshake <- scanner.Text()
				first = false
				continue
			}
			p.mu.Lock()
			p.stdout = append(p.stdout, scanner.Text())
			p.mu.Unlock()
		}
	}()
	go func() {
		scanner := bufio.NewScanner(stderr)
		scanner.Buffer(make([]byte, 1<<20), 1<<20)
		for scanner.Scan() {
			p.mu.Lock()
			p.stderr = append(p.stderr, scanner.Text())
			p.mu.Unlock()
		}
	}()
	go func() { _ = cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-p.exited
	})
	select {
	case p.handshake = <-handshake:
	case <-time.After(20 * time.Second):
		t.Fatal("no handshake line")
	}
	fields := strings.Split(p.handshake, "|")
	if len(fields) < 5 || fields[0] != "1" || fields[1] != "1" || fields[2] != "unix" || fields[4] != "grpc" || filepath.Dir(fields[3]) != dir {
		t.Fatalf("handshake line %q", p.handshake)
	}
	p.socket = fields[3]
	conn, err := grpc.NewClient("unix:"+p.socket, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	p.conn = conn
	return p
}

func (p *launched) waitExit(t *testing.T, within time.Duration) int {
	t.Helper()
	select {
	case <-p.exited:
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(within):
		t.Fatalf("the plugin did not exit within %v", within)
		return -1
	}
}

func (p *launched) stderrLines() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.stderr...)
}

func (p *launched) startNoisyTask(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := pluginv1.NewSourceTaskServiceClient(p.conn).StartSourceTask(ctx, &pluginv1.StartSourceTaskRequest{
		InstanceId: "noisy-0#1", ConnectorName: "noisy", TaskId: 0, TaskClass: "com.example.CountSourceTask",
		Config: map[string]string{"topic": "t", "task.index": "0", "noisy": "true"},
	})
	if err != nil {
		t.Fatalf("StartSourceTask (writes 600 KiB to stdout and stderr): %v", err)
	}
}

func TestServeSpeaksTheLaunchContract(t *testing.T) {
	p := launch(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	health, err := grpc_health_v1.NewHealthClient(p.conn).Check(ctx, &grpc_health_v1.HealthCheckRequest{Service: "plugin"})
	if err != nil || health.Status != grpc_health_v1.HealthCheckResponse_SERVING {
		t.Fatalf("health: %v %v", health, err)
	}
	describe, err := pluginv1.NewPluginServiceClient(p.conn).Describe(ctx, &pluginv1.DescribeRequest{})
	if err != nil || describe.Name != "test-plugin" {
		t.Fatalf("describe: %v %v", describe, err)
	}
	p.startNoisyTask(t)

	// hclog JSON lines on stderr, with the names the task context adds.
	deadline := time.Now().Add(5 * time.Second)
	var started map[string]any
	for started == nil && time.Now().Before(deadline) {
		for _, line := range p.stderrLines() {
			var entry map[string]any
			if json.Unmarshal([]byte(line), &entry) == nil && entry["@message"] == "countTask started" {
				started = entry
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	if started == nil || started["@level"] != "info" || started["connector"] != "noisy" || started["task"] != 0.0 || started["@module"] != "test-plugin" {
		t.Fatalf("log line: %v", started)
	}

	// go-plugin's controller: the plugin stops its instances, removes its socket and exits 0.
	err = p.conn.Invoke(ctx, "/plugin.GRPCController/Shutdown", &emptypb.Empty{}, &emptypb.Empty{})
	_ = err // CANCELLED or UNAVAILABLE: the server stops while answering
	if code := p.waitExit(t, 10*time.Second); code != 0 {
		t.Fatalf("exit code %d after Shutdown; stderr:\n%s", code, strings.Join(p.stderrLines(), "\n"))
	}
	if _, err := os.Stat(p.socket); !os.IsNotExist(err) {
		t.Fatalf("the socket is still there: %v", err)
	}
}

func TestSIGTERMStopsInstancesAndExitsZero(t *testing.T) {
	p := launch(t)
	p.startNoisyTask(t)
	_ = p.cmd.Process.Signal(syscall.SIGINT) // ignored, as go-plugin servers do
	time.Sleep(200 * time.Millisecond)
	select {
	case <-p.exited:
		t.Fatal("SIGINT stopped the plugin")
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	if code := p.waitExit(t, 10*time.Second); code != 0 {
		t.Fatalf("exit code %d after SIGTERM", code)
	}
	if !strings.Contains(strings.Join(p.stderrLines(), "\n"), `"reason":"SIGTERM"`) {
		t.Fatalf("stderr: %v", p.stderrLines())
	}
}

func TestRefusesToRunWithoutTheWorker(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=1")
	out, err := cmd.CombinedOutput()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 || !strings.Contains(string(out), "This program is a Polyconnect plugin") {
		t.Fatalf("got %v: %s", err, out)
	}
	cmd = exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(launchEnv(t.TempDir()), "PLUGIN_PROTOCOL_VERSIONS=2,3")
	out, err = cmd.CombinedOutput()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 || !strings.Contains(string(out), `No common plugin protocol version: the worker offers "2,3", this plugin speaks 1`) {
		t.Fatalf("got %v: %s", err, out)
	}
}

func TestExitsWhenTheWorkerDies(t *testing.T) {
	dir := t.TempDir()
	// A shell plays the worker: it starts the plugin, prints its pid, and dies without stopping it.
	shell := exec.Command("sh", "-c", `"$0" -test.run='^$' & echo "pid $!"; sleep 1`, os.Args[0])
	shell.Env = launchEnv(dir)
	stdout, _ := shell.StdoutPipe()
	if err := shell.Start(); err != nil {
		t.Fatal(err)
	}
	reader := bufio.NewReader(stdout)
	var pid int
	for pid == 0 {
		line, err := reader.ReadString('\n')
		if err != nil {
			t.Fatalf("no pid: %v", err)
		}
		if strings.HasPrefix(line, "pid ") {
			pid, _ = strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "pid ")))
		}
	}
	go func() { _, _ = io.Copy(io.Discard, reader) }()
	_ = shell.Wait()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if !alive(pid) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	_ = syscall.Kill(pid, syscall.SIGKILL)
	t.Fatalf("the plugin (pid %d) outlived its worker by 4 s", pid)
}

// alive is false once the process is gone or a zombie nobody reaped yet.
func alive(pid int) bool {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return syscall.Kill(pid, 0) == nil
	}
	fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	return len(fields) > 0 && fields[0] != "Z"
}
