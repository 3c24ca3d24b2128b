/**
 * `npm run cluster`: Postgres, Redis, two servers and nginx on this machine (scripts/lib/cluster.ts),
 * until Ctrl-C. CLUSTER_PORT sets nginx's port (3000), CLUSTER_SERVER_PORTS the servers' ("3001 3002").
 */
import { startCluster } from './lib/cluster';

const port = Number(process.env.CLUSTER_PORT ?? 3000);
const serverPorts = (process.env.CLUSTER_SERVER_PORTS ?? `${port + 1} ${port + 2}`).split(/[\s,]+/).filter(Boolean).map(Number);

console.log(`Starting Postgres, Redis, ${serverPorts.length} servers and nginx...`);
const cluster = await startCluster({ port, serverPorts, echoStderr: true });
console.log(`
Signpost on ${cluster.url} (nginx, round robin)
  servers:  ${cluster.servers.map((server) => server.url).join('  ')}
  Postgres: ${cluster.databaseUrl}
  Redis:    ${cluster.redisUrl}
Ctrl-C stops everything and removes its data.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping...');
  await cluster.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
