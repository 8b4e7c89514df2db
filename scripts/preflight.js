// Plain Node, no dependencies: runs before `npm ci`. Says in one line what is not reachable.
const net = require('node:net');

const targets = [
  ['PostgreSQL', process.env.DATABASE_OWNER_URL || 'postgres://postgres@127.0.0.1:5432/postgres', 5432,
    'start it (pg_ctlcluster 15 main start) or `docker compose -f docker/compose.yml up -d postgres redis`'],
  ['Redis', process.env.REDIS_URL || 'redis://127.0.0.1:6379', 6379,
    'start it (redis-server --daemonize yes) or `docker compose -f docker/compose.yml up -d postgres redis`'],
];

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

(async () => {
  let ok = true;
  for (const [name, url, defaultPort, hint] of targets) {
    const { hostname, port } = new URL(url);
    if (!(await reachable(hostname, Number(port || defaultPort)))) {
      console.error(`${name} is not reachable at ${hostname}:${port || defaultPort}: ${hint}`);
      ok = false;
    }
  }
  process.exit(ok ? 0 : 1);
})();
