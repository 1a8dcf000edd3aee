package app

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// Sign-in limits. Failed password checks (at sign-in and when changing
// one's password) are counted three ways, each a budget:
//
//   - per account and address together (pairBudget): one attacker at one
//     address;
//   - per account from every address (accountBudget): many addresses at one
//     account;
//   - per address over every account (addressBudget): one address trying
//     many accounts.
//
// Past a budget nothing is locked: the next attempt waits slowFirst, and
// each further failure doubles the wait up to slowMost. A count fades away
// after failureMemory without a failure. An address from which the account
// signed in before (within knownFor) is held only by its own pair's
// budget, so that failures from elsewhere never keep the owner out.
//
// An attempt is reserved before its password is hashed: attempts in flight
// count as failures until they are decided, so a burst of parallel guesses
// checks no more passwords than the budget allows.
const (
	pairBudget    = 5
	accountBudget = 20
	addressBudget = 30
	failureMemory = time.Hour
	slowFirst     = 5 * time.Second
	slowMost      = 15 * time.Minute
	// inFlightWait is the wait answered while the attempts that fill a
	// budget are still being checked (a check takes tens of milliseconds).
	inFlightWait = time.Second
	knownFor     = 30 * 24 * time.Hour
	// maxBudgets bounds each table of counts (and of known addresses), so
	// that memory stays flat whatever number of addresses and names is
	// sprayed: when a table is full, faded entries go first, then those with
	// the fewest failures.
	maxBudgets = 20000
)

// budget is the count of one key: failures so far, attempts in flight and
// the time of the last failure.
type budget struct {
	failures int
	pending  int
	last     time.Time
}

// slowdown is how long to wait after the n-th failure past a budget
// (n from 0).
func slowdown(n int) time.Duration {
	if n > 20 {
		return slowMost
	}
	return min(slowMost, slowFirst<<n)
}

// wait is how long an attempt must wait under a budget of max failures;
// zero when it may go ahead.
func (b *budget) wait(now time.Time, max int) time.Duration {
	if b == nil || b.failures+b.pending < max {
		return 0
	}
	d := time.Duration(0)
	if b.failures >= max {
		d = b.last.Add(slowdown(b.failures - max)).Sub(now)
	}
	if b.pending > 0 {
		d = max2(d, inFlightWait)
	}
	return max2(d, 0)
}

func max2(a, b time.Duration) time.Duration {
	if a > b {
		return a
	}
	return b
}

// faded reports whether a budget has nothing left to hold.
func (b *budget) faded(now time.Time) bool {
	return b.pending == 0 && now.Sub(b.last) >= failureMemory
}

// budgets is one bounded table of counts.
type budgets map[string]*budget

// get returns the budget of key, starting afresh when it faded.
func (t budgets) get(key string, now time.Time) *budget {
	b := t[key]
	if b != nil && b.faded(now) {
		delete(t, key)
		return nil
	}
	return b
}

// take returns the budget of key, making room for it when the table is
// full.
func (t budgets) take(key string, now time.Time) *budget {
	if b := t.get(key, now); b != nil {
		return b
	}
	if len(t) >= maxBudgets {
		t.shrink(now)
	}
	b := &budget{}
	t[key] = b
	return b
}

// shrink drops faded entries, then those with the fewest and oldest
// failures, down to three quarters of the bound. Entries in flight stay.
func (t budgets) shrink(now time.Time) {
	for k, b := range t {
		if b.faded(now) {
			delete(t, k)
		}
	}
	if len(t) < maxBudgets*3/4 {
		return
	}
	keys := make([]string, 0, len(t))
	for k, b := range t {
		if b.pending == 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(x, y string) int {
		if c := cmp.Compare(t[x].failures, t[y].failures); c != 0 {
			return c
		}
		return t[x].last.Compare(t[y].last)
	})
	for _, k := range keys {
		if len(t) < maxBudgets*3/4 {
			break
		}
		delete(t, k)
	}
}

// limiter holds the sign-in budgets in memory: one process serves an
// installation.
type limiter struct {
	mu        sync.Mutex
	now       func() time.Time
	pairs     budgets
	accounts  budgets
	addresses budgets
	known     map[string]time.Time // pair key → last successful sign-in
}

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, pairs: budgets{}, accounts: budgets{}, addresses: budgets{}, known: map[string]time.Time{}}
}

func accountKey(username string) string { return "u:" + username }
func addressKey(ip string) string       { return "ip:" + ip }
func pairKey(username, ip string) string {
	return accountKey(username) + "|" + addressKey(ip)
}

// attempt is a reserved password check: it must end in exactly one of
// failed, succeeded or cancel.
type attempt struct {
	l                      *limiter
	pair, account, address string
}

// reserve books an attempt for account (a lower-case username) from
// address, or answers how long to wait first.
func (l *limiter) reserve(account, address string) (*attempt, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	at := &attempt{l: l, pair: pairKey(account, address), account: accountKey(account), address: addressKey(address)}
	wait := l.pairs.get(at.pair, now).wait(now, pairBudget)
	acct := l.accounts.get(at.account, now)
	// However known the address, no more checks of one account run at
	// once than a pair's budget.
	if acct != nil && acct.pending >= pairBudget {
		wait = max2(wait, inFlightWait)
	}
	if !l.isKnown(at.pair, now) {
		wait = max2(wait, acct.wait(now, accountBudget))
		wait = max2(wait, l.addresses.get(at.address, now).wait(now, addressBudget))
	}
	if wait > 0 {
		return nil, wait
	}
	l.pairs.take(at.pair, now).pending++
	l.accounts.take(at.account, now).pending++
	l.addresses.take(at.address, now).pending++
	return at, 0
}

func (l *limiter) isKnown(pair string, now time.Time) bool {
	t, ok := l.known[pair]
	if ok && now.Sub(t) >= knownFor {
		delete(l.known, pair)
		return false
	}
	return ok
}

// end settles the attempt's reservation in every table; fail counts it as
// a failure.
func (at *attempt) end(fail bool) {
	l := at.l
	now := l.now()
	for _, e := range []struct {
		t   budgets
		key string
	}{{l.pairs, at.pair}, {l.accounts, at.account}, {l.addresses, at.address}} {
		b := e.t[e.key]
		if b == nil { // lifted by an administrator meanwhile
			continue
		}
		b.pending = max(0, b.pending-1)
		if fail {
			b.failures++
			b.last = now
		}
		if b.failures == 0 && b.pending == 0 {
			delete(e.t, e.key)
		}
	}
}

// failed counts the attempt as a failure.
func (at *attempt) failed() {
	at.l.mu.Lock()
	defer at.l.mu.Unlock()
	at.end(true)
}

// cancel releases an attempt whose password was never checked.
func (at *attempt) cancel() {
	at.l.mu.Lock()
	defer at.l.mu.Unlock()
	at.end(false)
}

// succeeded clears the pair's and the account's failures and remembers the
// address as one the account signs in from. The address's own count stays:
// signing in to one's own account does not pay for guesses at others'.
func (at *attempt) succeeded() {
	l := at.l
	l.mu.Lock()
	defer l.mu.Unlock()
	at.end(false)
	delete(l.pairs, at.pair)
	delete(l.accounts, at.account)
	now := l.now()
	if _, ok := l.known[at.pair]; !ok && len(l.known) >= maxBudgets {
		l.forgetOldestKnown(now)
	}
	l.known[at.pair] = now
}

// forgetOldestKnown drops expired known addresses, then the oldest, down
// to three quarters of the bound.
func (l *limiter) forgetOldestKnown(now time.Time) {
	keys := make([]string, 0, len(l.known))
	for k, t := range l.known {
		if now.Sub(t) >= knownFor {
			delete(l.known, k)
			continue
		}
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y string) int { return l.known[x].Compare(l.known[y]) })
	for _, k := range keys {
		if len(l.known) < maxBudgets*3/4 {
			break
		}
		delete(l.known, k)
	}
}

// Hold is one budget of the limiter that slows attempts down now (or is
// at its limit), as administrators see it.
type Hold struct {
	ID       string // opaque, stable while the hold lasts
	Account  string // the username tried (lower case); empty for an address
	Address  string // empty for an account as a whole
	Failures int
	// Until is when the next attempt may go ahead (zero when only the
	// attempts in flight fill the budget).
	Until time.Time
}

// holds lists the budgets at or past their limit.
func (l *limiter) holds() []Hold {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	var out []Hold
	for _, t := range l.tables() {
		for key := range t.budgets {
			b := t.budgets.get(key, now)
			if b == nil || b.failures < t.max {
				continue
			}
			h := t.hold(key, b)
			if d := b.wait(now, t.max); d > 0 {
				h.Until = now.Add(d)
			}
			out = append(out, h)
		}
	}
	slices.SortFunc(out, func(x, y Hold) int {
		return cmp.Or(cmp.Compare(x.Account, y.Account), cmp.Compare(x.Address, y.Address))
	})
	return out
}

// table is one of the limiter's tables with its limit and how its keys
// read.
type table struct {
	budgets budgets
	max     int
	kind    byte // 'p' pair, 'u' account, 'a' address
}

func (l *limiter) tables() []table {
	return []table{{l.pairs, pairBudget, 'p'}, {l.accounts, accountBudget, 'u'}, {l.addresses, addressBudget, 'a'}}
}

// hold describes the budget of key.
func (t table) hold(key string, b *budget) Hold {
	h := Hold{ID: holdID(key), Failures: b.failures}
	switch t.kind {
	case 'p':
		i := strings.LastIndex(key, "|ip:")
		h.Account, h.Address = key[len("u:"):i], key[i+len("|ip:"):]
	case 'u':
		h.Account = key[len("u:"):]
	case 'a':
		h.Address = key[len("ip:"):]
	}
	return h
}

// holdID names a budget's key without putting a username or address in a
// URL.
func holdID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

// lift forgets the budget named id.
func (l *limiter) lift(id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, t := range l.tables() {
		for key := range t.budgets {
			if holdID(key) == id {
				delete(t.budgets, key)
				return
			}
		}
	}
}

// liftAccount forgets the budgets of one account: its own and those of
// every address it was tried from; it answers how many it forgot.
func (l *limiter) liftAccount(account string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	if _, ok := l.accounts[accountKey(account)]; ok {
		delete(l.accounts, accountKey(account))
		n++
	}
	prefix := accountKey(account) + "|ip:"
	for key := range l.pairs {
		if strings.HasPrefix(key, prefix) && !strings.Contains(key[len(prefix):], "|") {
			delete(l.pairs, key)
			n++
		}
	}
	return n
}

// size is how many entries the limiter holds (tests check it stays
// bounded).
func (l *limiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.pairs) + len(l.accounts) + len(l.addresses) + len(l.known)
}

// hashGate bounds how many password hashes run at once: each argon2id
// hash takes 19 MiB for its duration, so a burst of sign-ins must queue
// rather than multiply that. A bounded number wait for a slot, each for
// at most gateWait; beyond that an attempt is refused with a short wait.
type hashGate struct {
	slots   chan struct{}
	waiting chan struct{}
	collect bool // collect after each hash (see release)
}

const gateWait = 3 * time.Second

// newHashGate lets n hashes run at once (GOMAXPROCS when n is 0); collect
// says each hash is big enough to be collected right after it.
func newHashGate(n int, collect bool) *hashGate {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return &hashGate{slots: make(chan struct{}, n), waiting: make(chan struct{}, 16*n), collect: collect}
}

// enter takes a slot, waiting for one if the queue has room; release gives
// it back.
func (g *hashGate) enter(ctx context.Context) (release func(), err error) {
	select {
	case g.slots <- struct{}{}:
		return g.release, nil
	default:
	}
	select {
	case g.waiting <- struct{}{}:
	default:
		return nil, &RateLimitError{RetryAfter: inFlightWait}
	}
	defer func() { <-g.waiting }()
	t := time.NewTimer(gateWait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return g.release, nil
	case <-t.C:
		return nil, &RateLimitError{RetryAfter: inFlightWait}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// release gives the slot back and collects the hash's 19 MiB at once.
// Left to its own pace the collector lets the heap grow to twice what
// was live at its last run, and during a burst that run sees every slot's
// hash alive: the process would grow by several hashes' worth before
// reclaiming any. A collection costs less than the hash it follows.
func (g *hashGate) release() {
	<-g.slots
	if g.collect {
		runtime.GC()
	}
}
