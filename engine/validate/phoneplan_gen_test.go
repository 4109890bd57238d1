package validate

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// The national numbering plans (phoneplan_data.go) are generated from
// Google's libphonenumber metadata as the nyaruka/phonenumbers module
// embeds it:
//
//	go test ./engine/validate/ -run TestGeneratePhonePlans -update-phoneplans
//
// For every region of phonePlanRegions and every way of writing its
// numbers nationally (with the trunk prefix, and without it), the
// generator walks the digits of the written number as a trie. A node is
// a prefix; it becomes a leaf as soon as, for every written length, either
// every completion or none is a valid number (one of the region's
// fixed-line, mobile, toll-free, premium, shared-cost, personal, VoIP,
// pager, UAN or voicemail patterns), and every national format rule either
// applies to every completion or to none. The regular expressions are
// decided on prefixes by simulating their compiled programs
// (regexp/syntax) over sets of states. Below depth maxPlanDepth a node is
// a leaf when some completion is valid (a superset of the plan, by at
// most the numbers that share the first maxPlanDepth digits with a valid
// range). Each leaf holds, per written length, the groupings the
// region's national format rules give those numbers ("0917 123 4567":
// 4-3-4).

var updatePhonePlans = flag.Bool("update-phoneplans", false, "regenerate phoneplan_data.go from the phonenumbers metadata")

// phonePlanRegions are the regions whose national formats the phone
// detector knows: the 40 most populous countries (United Nations, World
// Population Prospects 2024) other than the NANP members, every EU member
// state, and some more of the markets users operate in. NANP numbers
// have a detector of their own.
var phonePlanRegions = []string{
	// 40 most populous (but US and CA).
	"IN", "CN", "ID", "PK", "NG", "BR", "BD", "RU", "ET", "MX", "JP", "EG", "PH", "CD", "VN",
	"IR", "TR", "DE", "TH", "GB", "TZ", "FR", "ZA", "IT", "KE", "MM", "CO", "KR", "SD", "UG",
	"ES", "DZ", "IQ", "AR", "AF", "YE", "PL", "MA", "UA", "UZ", "AO", "MY", "PE", "SA", "GH",
	// The rest of the EU.
	"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "GR", "HU", "IE", "LV", "LT", "LU",
	"MT", "NL", "PT", "RO", "SK", "SI", "SE",
	// Others.
	"IL", "CH", "NO", "AU", "NZ", "SG", "HK", "TW", "AE", "CL", "NP", "LK", "KZ",
}

// maxPlanDepth bounds the depth of the trie, in written digits.
const maxPlanDepth = 8

// prog is a compiled regular expression simulated over sets of
// instruction indexes.
type prog struct {
	p    *syntax.Prog
	memo map[string]bool
}

func compileProg(t *testing.T, pattern string) *prog {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		t.Fatalf("parse %q: %v", pattern, err)
	}
	p, err := syntax.Compile(re.Simplify())
	if err != nil {
		t.Fatalf("compile %q: %v", pattern, err)
	}
	return &prog{p: p, memo: map[string]bool{}}
}

// closure adds to set every instruction reachable from pc without input.
func (g *prog) closure(set map[uint32]bool, pc uint32) {
	if set[pc] {
		return
	}
	set[pc] = true
	in := &g.p.Inst[pc]
	switch in.Op {
	case syntax.InstAlt, syntax.InstAltMatch:
		g.closure(set, in.Out)
		g.closure(set, in.Arg)
	case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
		g.closure(set, in.Out)
	}
}

func (g *prog) start() []uint32 {
	set := map[uint32]bool{}
	g.closure(set, uint32(g.p.Start))
	return keys(set)
}

func keys(set map[uint32]bool) []uint32 {
	out := make([]uint32, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// step consumes one digit.
func (g *prog) step(st []uint32, c rune) []uint32 {
	set := map[uint32]bool{}
	for _, pc := range st {
		in := &g.p.Inst[pc]
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			if in.MatchRune(c) {
				g.closure(set, in.Out)
			}
		}
	}
	return keys(set)
}

func (g *prog) matched(st []uint32) bool {
	for _, pc := range st {
		if g.p.Inst[pc].Op == syntax.InstMatch {
			return true
		}
	}
	return false
}

// some reports whether some string of n more digits takes st to a match;
// every, whether all do.
func (g *prog) some(st []uint32, n int) bool  { return g.quant(st, n, false) }
func (g *prog) every(st []uint32, n int) bool { return g.quant(st, n, true) }

func (g *prog) quant(st []uint32, n int, all bool) bool {
	if n == 0 {
		return g.matched(st)
	}
	if len(st) == 0 {
		return false
	}
	key := fmt.Sprint(all, n, st)
	if v, ok := g.memo[key]; ok {
		return v
	}
	v := all
	for d := '0'; d <= '9'; d++ {
		r := g.quant(g.step(st, d), n-1, all)
		if all && !r || !all && r {
			v = r
			break
		}
	}
	g.memo[key] = v
	return v
}

// planFormat is one national format rule of a region.
type planFormat struct {
	ld    *prog          // leading digits, matched at the start (nil: any)
	full  *prog          // the pattern, matched in full
	re    *regexp.Regexp // the pattern, for the groups
	shape func(groups []int) string
}

// planVariant is one way of writing a region's numbers nationally.
type planVariant struct {
	region  string
	np      string // the trunk prefix written before the number, or ""
	lengths []int  // national significant number lengths
	valid   *prog
	formats []planFormat
}

func fullPattern(p string) string { return "^(?:" + p + ")$" }

// variants returns the ways of writing region's numbers.
func variants(t *testing.T, region string) []planVariant {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		t.Fatal(err)
	}
	var md *phonenumbers.PhoneMetadata
	for _, m := range coll.Metadata {
		if m.GetId() == region {
			md = m
		}
	}
	if md == nil {
		t.Fatalf("no metadata for %s", region)
	}
	var pats []string
	lenSet := map[int]bool{}
	for _, d := range []*phonenumbers.PhoneNumberDesc{md.FixedLine, md.Mobile, md.TollFree, md.PremiumRate, md.SharedCost, md.PersonalNumber, md.Voip, md.Pager, md.Uan, md.Voicemail} {
		if d == nil || d.GetNationalNumberPattern() == "" || d.GetNationalNumberPattern() == "NA" {
			continue
		}
		ls := d.PossibleLength
		if len(ls) == 0 {
			ls = md.GeneralDesc.PossibleLength
		}
		for _, l := range ls {
			if l > 0 {
				lenSet[int(l)] = true
			}
		}
		pats = append(pats, "(?:"+d.GetNationalNumberPattern()+")")
	}
	var lengths []int
	for l := range lenSet {
		lengths = append(lengths, l)
	}
	sort.Ints(lengths)
	np := md.GetNationalPrefix()
	var out []planVariant
	for _, withNP := range []bool{true, false} {
		if withNP && np == "" {
			continue
		}
		v := planVariant{region: region, lengths: lengths}
		if withNP {
			v.np = np
		}
		v.valid = compileProg(t, "^"+v.np+"(?:"+strings.Join(pats, "|")+")$")
		for _, f := range md.NumberFormat {
			// The rule that writes the first group: "$NP$FG" in the XML,
			// usually expanded to "0$1" in the compiled metadata.
			rule := strings.NewReplacer("$NP", np, "$FG", "$1").Replace(f.GetNationalPrefixFormattingRule())
			writesNP := np != "" && strings.Contains(rule, np)
			switch {
			case withNP && !writesNP:
				continue
			case !withNP && writesNP:
				if !f.GetNationalPrefixOptionalWhenFormatting() {
					continue
				}
				rule = strings.Replace(rule, np, "", 1)
			}
			pf := planFormat{
				full: compileProg(t, "^"+v.np+"(?:"+f.GetPattern()+")$"),
				re:   regexp.MustCompile("^(?:" + f.GetPattern() + ")$"),
			}
			if n := len(f.LeadingDigitsPattern); n > 0 {
				pf.ld = compileProg(t, "^"+v.np+"(?:"+f.LeadingDigitsPattern[n-1]+")")
			}
			pf.shape = shaper(f.GetFormat(), rule)
			v.formats = append(v.formats, pf)
		}
		out = append(out, v)
	}
	return out
}

// shaper returns the function that turns a number's group lengths into
// the written shape: the lengths of the digit runs of the national
// format, with "p" after a run written in brackets.
func shaper(fmtStr, rule string) func([]int) string {
	first := "$1"
	if rule != "" {
		first = rule
	}
	return func(groups []int) string {
		// Render with placeholder digits, then read the digit runs.
		digits := func(n int) string { return strings.Repeat("5", n) }
		out := fmtStr
		for k := len(groups); k >= 1; k-- {
			out = strings.ReplaceAll(out, fmt.Sprintf("$%d", k), "\x00"+digits(groups[k-1])+"\x01")
		}
		// The first group takes the formatting rule.
		if i := strings.IndexByte(out, '\x00'); i >= 0 {
			j := strings.IndexByte(out, '\x01')
			fg := strings.ReplaceAll(first, "$1", out[i+1:j])
			out = out[:i] + fg + out[j+1:]
		}
		out = strings.NewReplacer("\x00", "", "\x01", "").Replace(out)
		var sh []string
		k := 0
		for k < len(out) {
			if out[k] >= '0' && out[k] <= '9' {
				e := k
				for e < len(out) && out[e] >= '0' && out[e] <= '9' {
					e++
				}
				s := fmt.Sprint(e - k)
				if k > 0 && out[k-1] == '(' && e < len(out) && out[e] == ')' {
					s += "p"
				}
				sh = append(sh, s)
				k = e
				continue
			}
			k++
		}
		return strings.Join(sh, "-")
	}
}

// planNode is a node of the generated trie over written digits.
type planNode struct {
	kids [10]*planNode
	leaf bool
	// ents maps a written length to its shapes ("" for a valid number
	// with no known shape).
	ents map[int]map[string]bool
}

// shapeDepth is how many written digits key the groupings: a grouping
// is recorded for the first shapeDepth digits and the written length of
// the numbers it applies to (the union over the covered plans).
const shapeDepth = 3

// buildVariant inserts v's numbers into the validity trie at valid and
// their groupings into the shape trie at shaped.
func buildVariant(t *testing.T, validRoot *planNode, shapeRoot map[string]map[int]map[string]bool, v planVariant) {
	type fstate struct {
		ld   []uint32
		ldOK int // 1 yes, -1 no, 0 undecided
		full []uint32
	}
	var walk func(prefix string, valid []uint32, fs []fstate)
	walk = func(prefix string, valid []uint32, fs []fstate) {
		depth := len(prefix)
		decided := true
		ents := map[int]map[string]bool{}
		for _, l := range v.lengths {
			w := l + len(v.np)
			if w < depth {
				continue
			}
			some, every := v.valid.some(valid, w-depth), v.valid.every(valid, w-depth)
			if some != every {
				decided = false
			}
			if !some {
				continue
			}
			shapes := map[string]bool{"": true}
			for k, f := range v.formats {
				st := fs[k]
				if st.ldOK < 0 {
					continue
				}
				fsome, fevery := f.full.some(st.full, w-depth), f.full.every(st.full, w-depth)
				if st.ldOK == 0 || fsome != fevery {
					decided = false
				}
				if !fsome {
					continue
				}
				// The groups, from a witness: the prefix completed by
				// the first valid completion.
				wit := witness(f.full, st.full, w-depth)
				m := f.re.FindStringSubmatchIndex((prefix + wit)[len(v.np):])
				if m == nil {
					continue
				}
				var groups []int
				for g := 1; 2*g+1 < len(m); g++ {
					if m[2*g] >= 0 {
						groups = append(groups, m[2*g+1]-m[2*g])
					}
				}
				shapes[f.shape(groups)] = true
			}
			ents[w] = shapes
		}
		if len(ents) == 0 && !hasLongerValid(v, valid, depth) {
			return
		}
		if decided || depth >= maxPlanDepth {
			if len(ents) > 0 {
				valid := map[int]map[string]bool{}
				shaped := map[int]map[string]bool{}
				for w, sh := range ents {
					valid[w] = map[string]bool{"": true}
					for x := range sh {
						if x != "" {
							if shaped[w] == nil {
								shaped[w] = map[string]bool{}
							}
							shaped[w][x] = true
						}
					}
				}
				insertLeaf(validRoot, prefix, valid)
				if len(shaped) > 0 {
					addShapes(shapeRoot, prefix, shaped)
				}
			}
			return
		}
		for d := '0'; d <= '9'; d++ {
			nv := v.valid.step(valid, d)
			if len(nv) == 0 {
				continue
			}
			nfs := make([]fstate, len(fs))
			for k, f := range v.formats {
				st := fs[k]
				n := fstate{ldOK: st.ldOK, full: f.full.step(st.full, d)}
				if st.ldOK == 0 {
					n.ld = f.ld.step(st.ld, d)
					switch {
					case f.ld.matched(n.ld):
						n.ldOK = 1
					case len(n.ld) == 0:
						n.ldOK = -1
					}
				}
				nfs[k] = n
			}
			walk(prefix+string(d), nv, nfs)
		}
	}
	fs := make([]fstate, len(v.formats))
	for k, f := range v.formats {
		fs[k] = fstate{full: f.full.start(), ldOK: 1}
		if f.ld != nil {
			fs[k].ld, fs[k].ldOK = f.ld.start(), 0
			if f.ld.matched(fs[k].ld) {
				fs[k].ldOK = 1
			}
		}
	}
	walk("", v.valid.start(), fs)
}

// addShapes records the groupings of the numbers under prefix for every
// shapeDepth-digit prefix they may start with.
func addShapes(shapes map[string]map[int]map[string]bool, prefix string, ents map[int]map[string]bool) {
	if len(prefix) < shapeDepth {
		for d := '0'; d <= '9'; d++ {
			addShapes(shapes, prefix+string(d), ents)
		}
		return
	}
	p := prefix[:shapeDepth]
	if shapes[p] == nil {
		shapes[p] = map[int]map[string]bool{}
	}
	for w, sh := range ents {
		if shapes[p][w] == nil {
			shapes[p][w] = map[string]bool{}
		}
		for x := range sh {
			shapes[p][w][x] = true
		}
	}
}

// hasLongerValid reports whether some written length beyond depth may
// still be valid from st.
func hasLongerValid(v planVariant, st []uint32, depth int) bool {
	for _, l := range v.lengths {
		if w := l + len(v.np); w > depth && v.valid.some(st, w-depth) {
			return true
		}
	}
	return false
}

// witness returns the smallest string of n digits that takes st to a
// match of g.
func witness(g *prog, st []uint32, n int) string {
	var b []byte
	for ; n > 0; n-- {
		for d := '0'; d <= '9'; d++ {
			if ns := g.step(st, d); g.some(ns, n-1) {
				b = append(b, byte(d))
				st = ns
				break
			}
		}
	}
	return string(b)
}

// insertLeaf merges ents into the trie at prefix.
func insertLeaf(root *planNode, prefix string, ents map[int]map[string]bool) {
	n := root
	for k := 0; k < len(prefix); k++ {
		if n.leaf {
			// Push the leaf down.
			for d := range n.kids {
				n.kids[d] = &planNode{leaf: true, ents: cloneEnts(n.ents)}
			}
			n.leaf, n.ents = false, nil
		}
		d := prefix[k] - '0'
		if n.kids[d] == nil {
			n.kids[d] = &planNode{}
		}
		n = n.kids[d]
	}
	mergeInto(n, ents)
}

// mergeInto adds ents to every leaf under n (making n a leaf when it is
// empty).
func mergeInto(n *planNode, ents map[int]map[string]bool) {
	if n.leaf || isEmpty(n) {
		n.leaf = true
		if n.ents == nil {
			n.ents = map[int]map[string]bool{}
		}
		for w, sh := range ents {
			if n.ents[w] == nil {
				n.ents[w] = map[string]bool{}
			}
			for s := range sh {
				n.ents[w][s] = true
			}
		}
		return
	}
	for d := range n.kids {
		if n.kids[d] == nil {
			n.kids[d] = &planNode{}
		}
		mergeInto(n.kids[d], ents)
	}
}

func isEmpty(n *planNode) bool {
	for _, k := range n.kids {
		if k != nil {
			return false
		}
	}
	return true
}

func cloneEnts(e map[int]map[string]bool) map[int]map[string]bool {
	out := map[int]map[string]bool{}
	for w, sh := range e {
		out[w] = map[string]bool{}
		for s := range sh {
			out[w][s] = true
		}
	}
	return out
}

// entsKey is a canonical text of a leaf's entries.
func entsKey(e map[int]map[string]bool) string {
	var ws []int
	for w := range e {
		ws = append(ws, w)
	}
	sort.Ints(ws)
	var b strings.Builder
	for _, w := range ws {
		var ss []string
		for s := range e[w] {
			ss = append(ss, s)
		}
		sort.Strings(ss)
		fmt.Fprintf(&b, "%d:%s;", w, strings.Join(ss, ","))
	}
	return b.String()
}

// collapse turns a node whose ten children are leaves with the same
// entries into a leaf.
func collapse(n *planNode) {
	if n == nil || n.leaf {
		return
	}
	for _, k := range n.kids {
		collapse(k)
	}
	key := ""
	for d, k := range n.kids {
		if k == nil || !k.leaf {
			return
		}
		if d == 0 {
			key = entsKey(k.ents)
		} else if entsKey(k.ents) != key {
			return
		}
	}
	n.leaf, n.ents = true, n.kids[0].ents
	n.kids = [10]*planNode{}
}

func TestGeneratePhonePlans(t *testing.T) {
	if !*updatePhonePlans {
		t.Skip("run with -update-phoneplans to regenerate phoneplan_data.go")
	}
	validRoot, shapeRoot := &planNode{}, map[string]map[int]map[string]bool{}
	regions := phonePlanRegions
	if r := os.Getenv("PHONEPLAN_REGIONS"); r != "" {
		regions = strings.Split(r, ",")
	}
	for _, r := range regions {
		for _, v := range variants(t, r) {
			buildVariant(t, validRoot, shapeRoot, v)
		}
	}
	collapse(validRoot)
	src := encodePlans(validRoot, shapeRoot)
	out, err := format.Source(src)
	if err != nil {
		t.Fatalf("format: %v", err)
	}
	if err := os.WriteFile("phoneplan_data.go", out, 0o600); err != nil {
		t.Fatal(err)
	}
}

// encodePlans writes the tries as Go source (see phoneplan.go for the
// layout).
func encodePlans(validRoot *planNode, shapeRoot map[string]map[int]map[string]bool) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by TestGeneratePhonePlans from the libphonenumber metadata of github.com/nyaruka/phonenumbers " + phonenumbersVersion + "; DO NOT EDIT.\n\npackage validate\n\n")
	// The validity trie: leaves are length masks.
	var masks []uint32
	maskIndex := map[uint32]int{}
	vroot, vnodes := flatten(validRoot, func(n *planNode) int {
		var m uint32
		for w := range n.ents {
			m |= 1 << w
		}
		i, ok := maskIndex[m]
		if !ok {
			i = len(masks)
			maskIndex[m] = i
			masks = append(masks, m)
		}
		return i
	})
	// The groupings: for each three-digit prefix, its (length, shape)
	// entries.
	shapeIndex := map[string]int{}
	var shapes []string
	var ents []string
	var ranges [1001]int
	for p := 0; p < 1000; p++ {
		ranges[p] = len(ents)
		e := shapeRoot[fmt.Sprintf("%03d", p)]
		var ws []int
		for w := range e {
			ws = append(ws, w)
		}
		sort.Ints(ws)
		for _, w := range ws {
			var ss []string
			for x := range e[w] {
				ss = append(ss, x)
			}
			sort.Strings(ss)
			for _, x := range ss {
				if _, ok := shapeIndex[x]; !ok {
					shapeIndex[x] = len(shapes)
					shapes = append(shapes, x)
				}
				ents = append(ents, fmt.Sprintf("{%d, %d}", w, shapeIndex[x]))
			}
		}
	}
	ranges[1000] = len(ents)
	fmt.Fprintf(&b, "const validRoot = %d\n\n", vroot)
	writeNodes(&b, "validNodes", vnodes)
	b.WriteString("var validMasks = [...]uint32{")
	for k, m := range masks {
		if k%8 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%#x, ", m)
	}
	b.WriteString("\n}\n\n")
	b.WriteString("var shapeStart = [...]uint16{")
	for k, r := range ranges {
		if k%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d, ", r)
	}
	b.WriteString("\n}\n\n")
	b.WriteString("var shapeEntries = [...]planEntry{")
	for k, e := range ents {
		if k%8 == 0 {
			b.WriteString("\n")
		}
		b.WriteString(e + ", ")
	}
	b.WriteString("\n}\n\n")
	b.WriteString("var planShapes = [...]string{")
	for k, x := range shapes {
		if k%8 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%q, ", x)
	}
	b.WriteString("\n}\n")
	return b.Bytes()
}

// flatten numbers the inner nodes of the trie at root (a reference to
// node i is i+1, to leaf j is planLeafBit|j, 0 is none) and returns the
// root's reference and the nodes' children.
func flatten(root *planNode, leaf func(*planNode) int) (uint32, [][10]uint32) {
	var nodes [][10]uint32
	var add func(n *planNode) uint32
	add = func(n *planNode) uint32 {
		if n == nil {
			return 0
		}
		if n.leaf {
			return planLeafBit | uint32(leaf(n))
		}
		idx := len(nodes)
		nodes = append(nodes, [10]uint32{})
		for d, k := range n.kids {
			nodes[idx][d] = add(k)
		}
		return uint32(idx) + 1
	}
	return add(root), nodes
}

// writeNodes writes the inner nodes of a trie.
func writeNodes(b *bytes.Buffer, name string, nodes [][10]uint32) {
	fmt.Fprintf(b, "var %s = [...][10]uint32{\n", name)
	for _, n := range nodes {
		b.WriteString("{")
		for d, v := range n {
			if d > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%d", v)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
}

// phonenumbersVersion is the module version the data comes from.
const phonenumbersVersion = "v1.8.1 (libphonenumber 9.0.32 metadata)"
