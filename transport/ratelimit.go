package transport

import (
	"container/list"
	"math"
	"net"
	"sync"
	"time"
)

// rateLimiter is a token bucket applied twice: once to all requests and once
// per client (an IPv4 address or an IPv6 /64, see clientKey). Client buckets live in an LRU bounded by maxClients; an
// evicted client simply starts again with a full bucket.
type rateLimiter struct {
	rate  float64 // tokens per second
	burst float64

	mu         sync.Mutex
	global     bucket
	clients    map[string]*list.Element
	lru        list.List // front = most recently used; values are *clientBucket
	maxClients int
}

type bucket struct {
	tokens float64
	last   time.Time
}

type clientBucket struct {
	key string
	b   bucket
}

// defaultMaxClients bounds the per-client table.
const defaultMaxClients = 65536

func newRateLimiter(rps float64, burst, maxClients int) *rateLimiter {
	if rps <= 0 {
		return nil
	}
	if maxClients <= 0 {
		maxClients = defaultMaxClients
	}
	return &rateLimiter{
		rate:       rps,
		burst:      float64(burst),
		clients:    make(map[string]*list.Element),
		maxClients: maxClients,
		global:     bucket{tokens: float64(burst)},
	}
}

// clientKey returns the key of a client's bucket: the 4 bytes of an IPv4
// address (an IPv4-mapped IPv6 address counts as IPv4), or the first 8
// bytes, the /64 prefix, of an IPv6 address. An IPv6 host picks the low 64
// bits of its addresses itself (RFC 4291's interface identifier; RFC 8981
// temporary addresses rotate them) and a /64 is the smallest prefix a
// network hands one subscriber (RFC 6177), so keying on the whole address
// would give one client a fresh bucket per address and let it churn the
// client table. The returned slice aliases ip; nil means no address.
func clientKey(ip net.IP) []byte {
	if ip4 := ip.To4(); ip4 != nil {
		return ip4
	}
	if len(ip) == net.IPv6len {
		return ip[:8]
	}
	return nil
}

// take refills b up to now and spends one token. When no token is left it
// returns the wait until one will be.
func (rl *rateLimiter) take(b *bucket, now time.Time) (bool, time.Duration) {
	if !b.last.IsZero() {
		b.tokens = math.Min(rl.burst, b.tokens+now.Sub(b.last).Seconds()*rl.rate)
	}
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / rl.rate * float64(time.Second))
	return false, wait
}

// allow decides one request from client (its clientKey). A
// rejected request spends no token from either bucket. retryAfter is the
// wait in whole seconds, at least 1.
func (rl *rateLimiter) allow(client []byte, now time.Time) (ok bool, retryAfter int) {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	var cb *clientBucket
	if e, found := rl.clients[b2s(client)]; found {
		rl.lru.MoveToFront(e)
		cb = e.Value.(*clientBucket)
	} else {
		if rl.lru.Len() >= rl.maxClients {
			old := rl.lru.Back()
			delete(rl.clients, old.Value.(*clientBucket).key)
			rl.lru.Remove(old)
		}
		cb = &clientBucket{key: string(client), b: bucket{tokens: rl.burst}}
		rl.clients[cb.key] = rl.lru.PushFront(cb)
	}
	// Check both before spending from either.
	g, c := rl.global, cb.b
	okG, waitG := rl.take(&g, now)
	okC, waitC := rl.take(&c, now)
	if okG && okC {
		rl.global, cb.b = g, c
		return true, 0
	}
	// Refill without spending.
	rl.global.tokens, rl.global.last = math.Min(rl.burst, g.tokens+boolF(okG)), now
	cb.b.tokens, cb.b.last = math.Min(rl.burst, c.tokens+boolF(okC)), now
	wait := max(waitG, waitC)
	return false, max(1, int(math.Ceil(wait.Seconds())))
}

func boolF(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
