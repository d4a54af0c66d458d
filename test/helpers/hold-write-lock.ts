// Holds a database's write lock, as another Callboard process's long sync pass would: takes it, prints
// "locked", and commits when a line arrives on stdin (or after 20 s, so a failing test cannot hang).
import Database from 'better-sqlite3';

const [dbPath] = process.argv.slice(2);
const client = new Database(dbPath!);
client.exec('BEGIN IMMEDIATE');
client.prepare("UPDATE sources SET last_attempt_at = 1 WHERE id = 'nothing'").run();
process.stdout.write('locked\n');
const release = () => {
  client.exec('COMMIT');
  client.close();
  process.stdout.write('released\n');
  process.exit(0);
};
process.stdin.once('data', release);
setTimeout(release, 20_000).unref();
