// Child of xlsx-streaming.test.ts: reads a workbook through the import's reader in a process with a
// small heap and prints what it read and its peak resident memory (VmHWM), as one JSON line.
import fs from 'node:fs';
import { ErrorCollector } from '../../pipelines/errors';
import { readTable } from '../../pipelines/readers';

const file = process.argv[2];
const errors = new ErrorCollector('groot.xlsx');
const table = await readTable(fs.readFileSync(file), 'groot.xlsx', errors);
const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
const last = table?.rows.at(-1);
console.log(JSON.stringify({ rows: table?.rows.length ?? null, header: table?.header, last: last && { line: last.line, cells: last.cells.map(String) }, errors: errors.errors.map((e) => e.message), peakRssMb: Math.round(hwm / 1024) }));
