#!/usr/bin/env node
// The peer for bench/speed.py: compromise (pinned in bench/package.json,
// installed under bench/node_modules) finds the quotations in FILE, read
// whole as one text, the way its documentation shows:
// nlp(text).quotations().  Prints one JSON line: the number of quotations
// and the seconds spent parsing and finding them (reading the file and
// loading the library excluded; speed.py times the whole process too).
import { readFileSync } from 'node:fs';
import nlp from 'compromise';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: peer.mjs FILE\n');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const t0 = process.hrtime.bigint();
const n = nlp(text).quotations().length;
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
process.stdout.write(JSON.stringify({
  peer: 'compromise',
  version: nlp.version,
  quotations: n,
  seconds: secs,
}) + '\n');
