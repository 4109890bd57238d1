package names

// The hand-written word lists the generator adds to the gazetteers: the
// words that make a name (titles, particles, greetings) and the words
// that unmake one (company and place words, months, log and protocol
// words, and names that are mostly something else). They are facts of
// the languages covered, written for this package; the generator folds
// each to lower case (ASCII) and records it in the word table with its
// role (see the info bits in table.go).

// titles precede a name and are not part of its span: English, German,
// French, Spanish, Portuguese, Italian, Dutch, Polish, Turkish and Indian
// forms of address and academic or professional titles.
var titles = []string{
	"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "rev",
	"reverend", "fr", "capt", "captain", "col", "gen", "lt", "sgt", "hon", "judge", "herr", "frau",
	"fräulein", "mme", "mlle", "madame", "monsieur", "mademoiselle", "pr", "sr", "sra", "srta",
	"señor", "señora", "señorita", "doña", "dra", "lic", "sig", "sigra", "signor", "signora",
	"signorina", "dott", "dottssa", "dottoressa", "ing", "avv", "dhr", "mevr", "mw", "drs", "ir",
	"pan", "pani", "bay", "bayan", "shri", "sri", "smt", "shrimati", "kumari",
}

// particles join the words of one name in lower case ("Maria del Carmen
// García-López", "Ludwig van Beethoven", "Abu Bakr bin Ahmad").
var particles = []string{
	"de", "del", "della", "delle", "dei", "der", "den", "des", "di", "da", "das", "do", "dos", "du",
	"van", "von", "ter", "ten", "la", "le", "y", "zu", "bin", "binti", "bint", "ibn", "al", "el",
}

// greetings stand right before a name ("Dear Anna,", "Hallo Jörg").
var greetings = []string{
	"dear", "hi", "hello", "hey", "hallo", "liebe", "lieber", "bonjour", "cher", "chère", "hola",
	"estimado", "estimada", "ciao", "gentile", "caro", "cara", "beste", "geachte",
}

// signoffs end the line or clause before a name ("Thanks,\nAnna").
var signoffs = []string{"thanks", "regards", "sincerely", "cheers", "best", "gruß", "grüße", "cordialement", "saludos", "saluti", "groeten"}

// headers name the person after a colon ("From: Anna Smith", "Attn:
// Dr. Lee"); "signed" and "authored" take "by".
var headers = []string{"from", "to", "cc", "bcc", "attn", "attention", "sender", "author", "contact", "signed", "authored", "assignee", "reporter", "owner"}

// strongTitles may stand before a name the gazetteers do not hold ("Mr
// Okonkwo-Obi"); the other titles need a known name after them.
var strongTitles = []string{"mr", "mrs", "ms", "mx", "dr", "prof", "herr", "frau", "mme", "mlle", "sra", "srta", "dhr", "mevr", "dott", "sig", "sigra", "shri", "smt"}

// placePrefixes start the name of a place or a church ("St Mary
// Church", "San Jose", "Lake Louise", "Fort Worth").
var placePrefixes = []string{"st", "ste", "saint", "sainte", "san", "santa", "são", "sao", "mt", "mount", "lake", "fort", "port", "cape", "isla", "rio", "glen", "cap"}

// suffixes end a name and belong to its span ("Martin Luther King Jr.").
var suffixes = []string{"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"}

// orgWords follow a name in the name of a company, an institution or a
// place: "Calvin Klein Company", "Victoria Station".
var orgWords = []string{
	"company", "co", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc",
	"gmbh", "ag", "kg", "sa", "sas", "sarl", "spa", "srl", "bv", "nv", "group", "holdings", "partners",
	"associates", "foundation", "institute", "university", "college", "school", "academy", "hospital",
	"clinic", "center", "centre", "bank", "capital", "ventures", "labs", "systems", "technologies",
	"software", "solutions", "consulting", "services", "industries", "enterprises", "agency", "studio",
	"studios", "records", "media", "press", "publishing", "motors", "airlines", "airways", "hotel",
	"hotels", "resort", "restaurant", "cafe", "café", "cathedral", "museum", "gallery", "theatre",
	"theater", "stadium", "arena", "square", "street", "st", "road", "rd", "avenue", "ave", "boulevard",
	"blvd", "drive", "station", "airport", "river", "lake", "mountain", "valley", "county", "city",
	"island", "islands", "beach", "tower", "building", "bridge", "memorial", "award", "awards", "prize",
	"trophy", "cup", "festival", "act", "law", "syndrome", "disease", "effect", "theorem", "equation",
	"brothers", "bros", "sons", "family", "fund", "trust", "society", "club", "fc", "team", "show",
	"library", "framework", "project", "protocol", "engine", "server", "client", "api", "sdk",
}

// places are countries, US states and large cities that are also given
// names or surnames ("Jordan", "Georgia", "Florence").
var places = []string{
	"jordan", "chad", "georgia", "israel", "kenya", "india", "china", "france", "england", "ireland",
	"wales", "scotland", "italy", "spain", "lebanon", "niger", "mali", "cuba", "peru", "chile",
	"panama", "jamaica", "trinidad", "guinea", "gambia", "senegal", "malta", "cyprus", "greece",
	"turkey", "iran", "oman", "yemen", "sudan", "egypt", "morocco", "libya", "germany", "holland",
	"poland", "norway", "sweden", "denmark", "finland", "austria", "belgium", "canada", "mexico",
	"brazil", "argentina", "colombia", "bolivia", "ecuador", "venezuela", "guyana", "america",
	"asia", "europe", "africa", "australia",
	"virginia", "carolina", "dakota", "florida", "indiana", "montana", "nevada", "arizona",
	"alabama", "alaska", "kansas", "texas", "utah", "vermont", "maine", "washington", "columbia",
	"paris", "florence", "victoria", "sydney", "austin", "houston", "dallas", "phoenix", "charlotte",
	"madison", "jackson", "lincoln", "orlando", "denver", "savannah", "adelaide", "regina",
	"cairo", "lima", "santiago", "york", "chester", "lancaster", "cambridge", "oxford", "berlin",
	"london", "boston", "chicago", "detroit", "memphis", "nashville", "atlanta", "miami", "tampa",
	"raleigh", "richmond", "hamilton", "wellington", "kingston", "brighton", "preston", "milton",
	"vienna", "geneva", "lyon", "lisbon", "milan", "rome", "naples", "sofia", "valencia", "seville",
	"granada", "toledo", "avila", "verona", "siena", "genoa", "dublin", "belfast", "cardiff", "delhi",
	"sahara", "amazon", "nile", "everest",
}

// months and weekdays in English; "May" and "June" are also names, and
// "in May Johnson ..." is no person called May Johnson.
var months = []string{
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}

// nonNames are words of logs, protocols, code and commerce that never
// start or end a name by themselves, whatever list has them: log levels,
// HTTP methods and status words, common identifiers.
var nonNames = []string{
	"error", "warn", "warning", "info", "debug", "trace", "fatal", "critical", "notice", "alert",
	"emerg", "emergency", "panic", "severe", "fine", "finer", "finest", "verbose", "ok", "fail",
	"failed", "success", "get", "post", "put", "patch", "delete", "head", "options", "connect",
	"http", "https", "host", "agent", "cookie", "origin", "referer", "server", "accept", "content",
	"type", "length", "status", "code", "null", "true", "false", "none", "nil", "undefined", "admin",
	"root", "user", "guest", "test", "demo", "default", "main", "master", "service", "payment",
	"order", "invoice", "total", "amount", "account", "support", "team", "sales", "ship", "shipping",
	"billing", "customer", "client", "manager", "office", "report", "summary", "note", "notes",
	"update", "new", "old", "central", "national", "international", "global", "federal", "state",
	"united", "union", "american", "english", "french", "german", "spanish", "italian", "dutch",
	"chinese", "indian", "arab", "african", "european", "christmas", "easter", "god", "queen",
	"prince", "princess", "san", "santa", "sainte", "holy",
}

// ambiguous are names that are mostly something else, named in issue 16
// and their like: they need a title, a cue, a key or a strong partner.
var ambiguous = []string{
	"will", "may", "bill", "page", "grant", "rich", "jordan", "june", "april", "august", "hope",
	"faith", "joy", "chance", "summer", "autumn", "winter", "spring", "sunny", "happy", "honey",
	"crystal", "amber", "ruby", "pearl", "jewel", "ivory", "olive", "cherry", "violet", "lily",
	"iris", "daisy", "heather", "holly", "ivy", "fern", "sage", "rose", "dawn", "eve", "star", "sky",
	"rain", "storm", "river", "ocean", "forest", "stone", "rock", "hunt", "price", "cash", "money",
	"gay", "frank", "art", "mark", "guy", "ray", "penny", "sandy", "rusty", "dusty", "buddy", "mack",
	"jack", "pat", "sue", "don", "gene", "max", "rex", "victor", "angel", "christian", "way", "best",
	"good", "love", "lovely", "sweet", "bright", "strong", "wise", "vogue", "apple", "amazon",
	"oracle", "tesla", "dell", "mercedes", "porsche", "ferrari", "lamborghini", "chanel", "gucci",
	"prada", "dior", "cartier", "tiffany", "disney", "boeing", "siemens", "bosch",
}

// brands are products and companies named after people: a pair that is
// one of them is reported only with other evidence.
var brands = []string{
	"calvin klein", "ralph lauren", "tommy hilfiger", "hugo boss", "giorgio armani", "louis vuitton",
	"marc jacobs", "michael kors", "kate spade", "vera wang", "tory burch", "paul smith", "ted baker",
	"estee lauder", "estée lauder", "yves saint", "christian dior", "coco chanel", "morgan stanley",
	"goldman sachs", "wells fargo", "charles schwab", "dow jones", "harley davidson", "rolls royce",
	"aston martin", "johnson controls", "walt disney", "warner bros", "ben jerry", "dolce gabbana",
	"marks spencer", "procter gamble", "ernst young", "price waterhouse", "merrill lynch",
	"jack daniels", "johnnie walker", "jim beam", "ronald mcdonald", "wendy", "martha stewart",
	"victoria secret", "paul mitchell", "hewlett packard", "bausch lomb", "abercrombie fitch",
	"john deere", "kenneth cole", "steve madden", "oscar mayer", "betty crocker", "sara lee",
}

// frequentWords are the words that most often start a sentence, a
// heading or a log message. A trigger prefix is made longer than K bytes
// until no frequent word starts with it, so that a scan does not stop at
// "The" for "Theodore" or at "Because" for "Becky".
var frequentWords = []string{
	"the", "this", "that", "these", "those", "there", "then", "they", "their", "them", "theirs", "thus",
	"therefore", "though", "through", "throughout", "today", "tomorrow", "tonight", "to", "too", "thanks",
	"thank", "when", "what", "which", "while", "where", "whether", "who", "whom", "whose", "why", "with",
	"within", "without", "would", "will", "was", "were", "we", "well", "what", "because", "before",
	"after", "afterwards", "although", "also", "about", "above", "across", "again", "against", "all",
	"almost", "along", "already", "always", "among", "and", "another", "any", "anyone", "anything", "are",
	"around", "as", "at", "available", "based", "be", "been", "being", "below", "between", "both",
	"but", "by", "can", "cannot", "could", "currently", "did", "do", "does", "done", "during", "each",
	"either", "else", "even", "every", "everyone", "everything", "finally", "first", "following", "for",
	"from", "further", "furthermore", "generally", "given", "had", "has", "have", "having", "he", "her",
	"here", "hers", "herself", "him", "himself", "his", "how", "however", "if", "in", "including",
	"indeed", "instead", "into", "is", "it", "its", "itself", "just", "last", "later", "least", "less",
	"let", "like", "likewise", "many", "may", "maybe", "meanwhile", "might", "more", "moreover", "most",
	"much", "must", "my", "namely", "nearly", "neither", "never", "nevertheless", "new", "next", "no",
	"none", "nor", "not", "nothing", "now", "of", "off", "often", "on", "once", "one", "only", "onto",
	"or", "other", "others", "otherwise", "our", "ours", "out", "over", "overall", "per", "perhaps",
	"please", "previously", "probably", "rather", "really", "recently", "regarding", "same", "second",
	"see", "several", "she", "should", "similarly", "since", "so", "some", "someone", "something",
	"sometimes", "soon", "still", "such", "than", "third", "unless", "until", "up", "upon", "us",
	"usually", "very", "via", "yes", "yet", "you", "your", "yours", "yesterday", "hello", "dear",
	"note", "notes", "error", "errors", "warning", "warnings", "info", "information", "debug", "total",
	"order", "orders", "invoice", "customer", "customers", "account", "accounts", "service", "services",
	"request", "requests", "response", "status", "date", "time", "name", "email", "phone", "address",
	"number", "type", "value", "data", "user", "users", "system", "report", "update", "updated",
	"summary", "meeting", "project", "team", "support", "subject", "description", "details", "action",
	"result", "results", "reason", "message", "failed", "success", "successful", "completed",
	"started", "starting", "stopped", "running", "received", "sent", "created", "deleted", "added",
	"removed", "changed", "checking", "connection", "connected", "server", "client", "cache", "payment",
	"price", "product", "products", "company", "business", "market", "management", "department",
	"office", "policy", "review", "question", "questions", "answer", "example", "important",
	"internal", "public", "private", "general", "global", "local", "national", "international",
	"january", "february", "march", "april", "june", "july", "august", "september", "october",
	"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"north", "south", "east", "west", "street", "road", "avenue", "city", "state", "country", "world",
	"mozilla", "linux", "windows", "macintosh", "chrome", "safari", "firefox", "gecko", "applewebkit",
	"khtml", "android", "iphone", "ubuntu", "post", "put", "get", "patch", "delete", "head", "options",
	"usd", "eur", "gbp", "http", "https", "json", "xml", "html", "api", "url", "uuid", "null", "true",
	"false", "ok", "id", "utc", "gmt", "warn", "trace", "fatal", "critical", "exception", "traceback",
	"java", "python", "string", "integer", "boolean", "object", "array", "list", "map", "class",
	"function", "return", "import", "export", "default", "public", "static", "final", "void",
}
