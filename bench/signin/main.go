// Command signin repeats the parallel sign-in bursts of an attacker and
// records the server's peak memory.
//
// It runs the server as a child process (this program started again with
// -child) on a fresh SQLite file with the demo city and the real argon2id
// cost, so that the numbers are the server's alone. Before each burst it
// resets the child's peak resident size (/proc/PID/clear_refs, Linux) and
// after it reads the peak (VmHWM). The bursts:
//
//   - 64 parallel wrong passwords on one account from one address;
//
//   - 400 parallel attempts from one address, each on another username;
//
//   - 400 parallel attempts from 400 addresses (127.0.1.x, 127.0.2.x),
//     each on another username: only the hash gate stands in their way;
//
//   - then the owner signs in from an address of their own.
//
//     go run ./bench/signin
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kinerja-id/kinerja/internal/cli"
	"github.com/kinerja-id/kinerja/internal/demo"
)

func main() {
	child := flag.String("child", "", "serve on this database (used by the program itself)")
	flag.Parse()
	if *child != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		os.Exit(cli.Main(ctx, []string{"serve", "--db", *child, "--addr", "127.0.0.1:0", "--demo"},
			cli.Env{Stdout: os.Stdout, Stderr: io.Discard, Getenv: os.Getenv}))
	}
	if *child == "" && flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "signin takes no arguments")
		os.Exit(2)
	}
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "signin:", err)
		os.Exit(1)
	}
}

func run() error {
	dir, err := os.MkdirTemp("", "kinerja-signin-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db := filepath.Join(dir, "kinerja.db")
	// The first server builds the demo city; the one measured starts on
	// it as a server in service would.
	stop, _, _, err := serve(db)
	if err != nil {
		return err
	}
	stop()
	stop, pid, url, err := serve(db)
	if err != nil {
		return err
	}
	defer stop()
	fmt.Printf("server pid %d at %s, GOMAXPROCS of this machine %d\n", pid, url, runtime.GOMAXPROCS(0))
	if code, err := signIn(client("127.0.0.1"), url, "admin", demo.Password); err != nil || code != 200 {
		return fmt.Errorf("admin does not sign in: %d %v", code, err)
	}
	rss, _ := status(pid, "VmRSS")
	fmt.Printf("resident once started and one sign-in done: %d MB\n\n", rss>>10)

	fmt.Println("| burst | answers | checked (401) | time | resident before | peak resident (VmHWM) |")
	fmt.Println("|---|---|---|---|---|---|")
	burst(pid, url, "64 wrong passwords, one account, one address", 64,
		func(int) string { return "127.0.0.1" }, func(int) string { return "admin" })
	burst(pid, url, "400 attempts, one address, 400 usernames", 400,
		func(int) string { return "127.0.0.2" }, func(i int) string { return fmt.Sprintf("tebak%03d", i) })
	for round := range 3 {
		burst(pid, url, fmt.Sprintf("400 attempts, 400 addresses, 400 usernames (round %d)", round+1), 400,
			func(i int) string { return fmt.Sprintf("127.0.%d.%d", 1+round*2+i/200, 1+i%200) },
			func(i int) string { return fmt.Sprintf("coba%d-%03d", round, i) })
	}
	code, err := signIn(client("127.0.0.9"), url, "admin", demo.Password)
	if err != nil {
		return err
	}
	fmt.Printf("\nthe owner (admin) from 127.0.0.9 afterwards: %d\n", code)
	return nil
}

// serve starts the server on db as a child process.
func serve(db string) (stop func(), pid int, url string, err error) {
	self, err := os.Executable()
	if err != nil {
		return nil, 0, "", err
	}
	cmd := exec.Command(self, "-child", db)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, 0, "", err
	}
	if err := cmd.Start(); err != nil {
		return nil, 0, "", err
	}
	stop = func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if u, ok := strings.CutPrefix(sc.Text(), "Kinerja berjalan di "); ok {
			url = strings.Fields(u)[0]
			break
		}
	}
	if url == "" {
		stop()
		return nil, 0, "", fmt.Errorf("the server did not start")
	}
	go io.Copy(io.Discard, out)
	return stop, cmd.Process.Pid, url, nil
}

// burst sends n sign-ins at once, the i-th from address ip(i) as user(i),
// and prints one row of the table.
func burst(pid int, url, name string, n int, ip, user func(int) string) {
	if err := os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0); err != nil {
		fmt.Fprintln(os.Stderr, "cannot reset the peak:", err)
	}
	before, _ := status(pid, "VmRSS")
	clients := map[string]*http.Client{}
	for i := range n {
		if clients[ip(i)] == nil {
			clients[ip(i)] = client(ip(i))
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[int]int{}
	start := time.Now()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, err := signIn(clients[ip(i)], url, user(i), "tebakan-salah")
			if err != nil {
				code = -1
			}
			mu.Lock()
			codes[code]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	peak, _ := status(pid, "VmHWM")
	var parts []string
	for _, c := range []int{200, 401, 429, 500, -1} {
		if codes[c] > 0 {
			parts = append(parts, fmt.Sprintf("%d×%d", codes[c], c))
		}
	}
	fmt.Printf("| %s | %s | %d | %.1f s | %d MB | %d MB |\n", name, strings.Join(parts, ", "), codes[401], elapsed.Seconds(), before>>10, peak>>10)
}

func client(ip string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	return &http.Client{Timeout: 2 * time.Minute, Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 500}}
}

func signIn(c *http.Client, url, user, pw string) (int, error) {
	body, _ := json.Marshal(map[string]string{"username": user, "password": pw})
	resp, err := c.Post(url+"/api/v1/auth/login", "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

// status reads a size in kB from /proc/PID/status.
func status(pid int, field string) (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
	return 0, fmt.Errorf("no %s", field)
}
