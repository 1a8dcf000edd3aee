package server

import (
	"database/sql"
	"fmt"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// latencyBuckets are the histogram bounds in seconds.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type routeKey struct {
	route  string
	status int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	count  uint64
}

// metrics collects request counts and latencies by route and status and
// writes them, with the database pool and Go runtime figures, in the
// Prometheus text format.
type metrics struct {
	db    func() sql.DBStats // the database pool's figures
	start time.Time
	mu    sync.Mutex
	reqs  map[routeKey]*histogram
}

func newMetrics(db func() sql.DBStats) *metrics {
	return &metrics{db: db, start: time.Now(), reqs: map[routeKey]*histogram{}}
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := routeKey{route, status}
	h := m.reqs[k]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets)+1)}
		m.reqs[k] = h
	}
	s := d.Seconds()
	i := sort.SearchFloat64s(latencyBuckets, s)
	h.counts[i]++
	h.sum += s
	h.count++
}

func (m *metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	var b strings.Builder

	m.mu.Lock()
	keys := make([]routeKey, 0, len(m.reqs))
	for k := range m.reqs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].status < keys[j].status
	})
	b.WriteString("# HELP kinerja_http_requests_total HTTP requests by route and status.\n# TYPE kinerja_http_requests_total counter\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "kinerja_http_requests_total{route=%s,status=\"%d\"} %d\n", quote(k.route), k.status, m.reqs[k].count)
	}
	b.WriteString("# HELP kinerja_http_request_duration_seconds HTTP request latency by route and status.\n# TYPE kinerja_http_request_duration_seconds histogram\n")
	for _, k := range keys {
		h := m.reqs[k]
		labels := fmt.Sprintf("route=%s,status=\"%d\"", quote(k.route), k.status)
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "kinerja_http_request_duration_seconds_bucket{%s,le=\"%s\"} %d\n", labels, strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		fmt.Fprintf(&b, "kinerja_http_request_duration_seconds_bucket{%s,le=\"+Inf\"} %d\n", labels, h.count)
		fmt.Fprintf(&b, "kinerja_http_request_duration_seconds_sum{%s} %g\n", labels, h.sum)
		fmt.Fprintf(&b, "kinerja_http_request_duration_seconds_count{%s} %d\n", labels, h.count)
	}
	m.mu.Unlock()

	st := m.db()
	gauge(&b, "kinerja_db_open_connections", "Open database connections.", float64(st.OpenConnections))
	gauge(&b, "kinerja_db_in_use_connections", "Database connections in use.", float64(st.InUse))
	gauge(&b, "kinerja_db_idle_connections", "Idle database connections.", float64(st.Idle))
	counter(&b, "kinerja_db_wait_count_total", "Times a request waited for a database connection.", float64(st.WaitCount))
	counter(&b, "kinerja_db_wait_seconds_total", "Time spent waiting for database connections.", st.WaitDuration.Seconds())

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gauge(&b, "go_goroutines", "Number of goroutines.", float64(runtime.NumGoroutine()))
	gauge(&b, "go_memstats_heap_alloc_bytes", "Heap bytes allocated and in use.", float64(ms.HeapAlloc))
	gauge(&b, "go_memstats_sys_bytes", "Bytes obtained from the system.", float64(ms.Sys))
	counter(&b, "go_gc_cycles_total", "Completed GC cycles.", float64(ms.NumGC))
	gauge(&b, "process_uptime_seconds", "Seconds since the server started.", time.Since(m.start).Seconds())
	fmt.Fprintf(&b, "# HELP go_info Go version.\n# TYPE go_info gauge\ngo_info{version=%s} 1\n", quote(runtime.Version()))
	_, _ = w.Write([]byte(b.String()))
}

func gauge(b *strings.Builder, name, help string, v float64) {
	fmt.Fprintf(b, "# HELP %s %s\n# TYPE %s gauge\n%s %g\n", name, help, name, name, v)
}

func counter(b *strings.Builder, name, help string, v float64) {
	fmt.Fprintf(b, "# HELP %s %s\n# TYPE %s counter\n%s %g\n", name, help, name, name, v)
}

func quote(s string) string { return strconv.Quote(s) }
