package data

import (
	"github.com/datafog/datafog-api/engine/detect"
)

// Connection URI limits.
const (
	// maxScheme is the longest scheme read back from "://"
	// ("postgresql+psycopg2").
	maxScheme = 32
	// maxAuthority bounds the userinfo and host part read after "//".
	maxAuthority = 512
	// minPassword is the shortest password reported.
	minPassword = 3
	// uriConf outranks the email address that the password and host
	// would otherwise form ("s3cret@db.example.com", 0.95) and a url
	// finding over the whole URI: the scheme names the service and the
	// URI syntax confirms which span is the password.
	uriConf = 0.96
)

// The connection URI families, in the order of ConnectionPassword.Types.
const (
	famMongoDB = iota
	famPostgreSQL
	famMySQL
	famRedis
	famAMQP
	famSnowflake
)

// ConnectionPassword finds the password in the userinfo of a database or
// message broker connection URI (RFC 3986 §3.2.1,
// scheme://user:password@host…), and reports the password alone, with a
// type per scheme family:
//   - MongoDB: mongodb://, mongodb+srv:// (MongoDB manual, "Connection
//     Strings");
//   - PostgreSQL: postgres://, postgresql:// and SQLAlchemy's
//     postgresql+<driver>:// (PostgreSQL docs, "Connection URIs", §34.1.1);
//   - MySQL: mysql://, mysqlx://, mariadb:// and mysql+<driver>://
//     (MySQL docs, "Connecting to the Server Using URI-Like Strings");
//   - Redis: redis://, rediss:// (IANA "redis" and "rediss" URI
//     schemes);
//   - AMQP: amqp://, amqps:// (RabbitMQ, "AMQP 0-9-1 URI Specification");
//   - Snowflake: snowflake:// (Snowflake SQLAlchemy connection string).
//
// "jdbc:" before the scheme is allowed. The userinfo ends at the last
// '@' before the authority ends ('/', '?', '#', whitespace or a quote);
// the password is what follows its first ':'. Percent-encoded bytes are
// part of it. The trigger is the ':' of "://" (a trigger byte already).
var ConnectionPassword = &detect.Detector{
	Name: "connection_password",
	Types: []detect.Type{
		{Name: "mongodb_connection_password", Family: detect.Secret, Confidence: uriConf,
			Confirm: "password of a mongodb:// or mongodb+srv:// URI"},
		{Name: "postgresql_connection_password", Family: detect.Secret, Confidence: uriConf,
			Confirm: "password of a postgres:// or postgresql:// URI"},
		{Name: "mysql_connection_password", Family: detect.Secret, Confidence: uriConf,
			Confirm: "password of a mysql://, mysqlx:// or mariadb:// URI"},
		{Name: "redis_connection_password", Family: detect.Secret, Confidence: uriConf,
			Confirm: "password of a redis:// or rediss:// URI"},
		{Name: "amqp_connection_password", Family: detect.Secret, Confidence: uriConf,
			Confirm: "password of an amqp:// or amqps:// URI"},
		{Name: "snowflake_connection_password", Family: detect.Secret, Confidence: uriConf,
			Confirm: "password of a snowflake:// URI"},
	},
	Source:      "RFC 3986 §3.2.1 (userinfo); MongoDB, PostgreSQL, MySQL, Redis (IANA), RabbitMQ AMQP URI and Snowflake connection string documentation",
	Placeholder: uriPlaceholder,
	Bytes:       []detect.OnByte{{Byte: ':', After: detect.NumGlue, Find: findConnection}},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "MONGO_URL=mongodb+srv://app:Xk4Vp2Lr9Tm@cluster0.ab1cd.mongodb.net/shop?retryWrites=true", Span: "Xk4Vp2Lr9Tm", Valid: true},
		{Text: "DATABASE_URL=postgres://billing:s3cr%40t-Pw9@db.internal.example.com:5432/billing", Span: "s3cr%40t-Pw9", Type: "postgresql_connection_password", Valid: true},
		{Text: `url: "jdbc:mysql://root:Tq8Wn3Yb6@10.0.0.7:3306/app"`, Span: "Tq8Wn3Yb6", Type: "mysql_connection_password", Valid: true},
		{Text: "REDIS_URL=rediss://:Jm2Lp7Rk9x@cache.example.net:6380/0", Span: "Jm2Lp7Rk9x", Type: "redis_connection_password", Valid: true},
		{Text: "amqps://guest:Vn8Wz4Tb6Y@mq.example.org/vhost", Span: "Vn8Wz4Tb6Y", Type: "amqp_connection_password", Valid: true},
		{Text: "snowflake://etl_user:Hd9Js3Mf5Gx@acme-xy12345/analytics/public?warehouse=wh", Span: "Hd9Js3Mf5Gx", Type: "snowflake_connection_password", Valid: true},
		{Text: "postgresql+psycopg2://scott:Kx9Pq2Lm@localhost/test", Span: "Kx9Pq2Lm", Type: "postgresql_connection_password", Valid: true},
		{Text: "postgres://user:password@localhost:5432/db"},
		{Text: "postgres://user:${DB_PASSWORD}@localhost:5432/db"},
		{Text: "amqp://app:$(PASSWORD)@mq.example.org/vhost"},
		{Text: "postgres://billing@db.internal.example.com/billing"},
		{Text: "https://user:Xk4Vp2Lr9Tm@example.com/"},
		{Text: "mongodb://localhost:27017/shop"},
	},
}

// findConnection handles ':' at t[p] when '/', '.', ',', '-' or ':'
// follows it.
func findConnection(s *detect.Scan, p int) {
	t := s.T
	if !detect.HasPrefix(t, p, "://") {
		return
	}
	fam, ok := schemeFamily(t, p)
	if !ok {
		return
	}
	a := p + 3
	lim := min(len(t), a+maxAuthority)
	at, colon := -1, -1
	for i := a; i < lim; i++ {
		c := t[i]
		if c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == 0x7f {
			break
		}
		if c == '@' {
			at = i
		} else if c == ':' && colon < 0 && at < 0 {
			colon = i
		}
	}
	if at < 0 || colon < 0 || colon > at {
		return
	}
	ps := colon + 1
	if n := at - ps; n < minPassword || ps-p > detect.AnchorSpan {
		return
	}
	s.Add(fam, ps, at, uriConf, true)
}

// schemeFamily returns the family of the scheme that ends at t[p] (the
// ':' of "://").
func schemeFamily(t []byte, p int) (int, bool) {
	b := p
	for b > 0 && p-b < maxScheme && (detect.IsAlnum(t[b-1]) || t[b-1] == '+' || t[b-1] == '.' || t[b-1] == '-') {
		b--
	}
	if b > 0 && (detect.IsAlnum(t[b-1]) || t[b-1] == '+') {
		return 0, false
	}
	sc := t[b:p]
	// A driver suffix ("postgresql+psycopg2") does not change the family;
	// "mongodb+srv" is MongoDB's own.
	for i, c := range sc {
		if c == '+' {
			sc = sc[:i]
			break
		}
	}
	switch string(sc) {
	case "mongodb":
		return famMongoDB, true
	case "postgres", "postgresql":
		return famPostgreSQL, true
	case "mysql", "mysqlx", "mariadb":
		return famMySQL, true
	case "redis", "rediss":
		return famRedis, true
	case "amqp", "amqps":
		return famAMQP, true
	case "snowflake":
		return famSnowflake, true
	}
	return 0, false
}

// uriPlaceholders are passwords that documentation uses in example URIs.
var uriPlaceholders = []string{"password", "passwd", "pass", "pwd", "secret", "changeme", "mypassword", "yourpassword", "userpassword", "pass123", "password123"}

// uriPlaceholder reports whether a URI password is a documentation
// example: a word such as "password", or what detect.SecretPlaceholder
// takes for a placeholder. A password has no provider prefix, so its
// '_', '-' and '.' are neutralised first: SecretPlaceholder would
// otherwise judge only what follows the last of them ("Pw9" of
// "s3cr%40t-Pw9").
func uriPlaceholder(v []byte) bool {
	for _, w := range uriPlaceholders {
		if len(v) == len(w) && detect.HasPrefixFold(v, 0, w) {
			return true
		}
	}
	var buf [128]byte
	n := copy(buf[:], v)
	for i, c := range buf[:n] {
		if c == '_' || c == '-' || c == '.' {
			buf[i] = '~'
		}
	}
	return detect.SecretPlaceholder(buf[:n])
}
