import { request } from './hostile-client';

// The legitimate user of bench/hostile.ts, in its own process so that building and sending the attacks (30 MiB
// bodies, thousands of chunks) cannot slow down the user's own measurements: loads the pods list back to back and,
// on the message 'stop', answers with each request's time in ms (then waits for the next 'start').

const port = Number(process.env.HOSTILE_PORT);
const cookie = process.env.HOSTILE_COOKIE ?? '';
let running = false;
let times: number[] = [];

async function loop() {
  while (running) {
    const a = await request(port, { path: '/api/k8s/pods?namespace=default&limit=500', headers: { Cookie: cookie } });
    if (a.status === 200) times.push(a.ms);
  }
}

process.on('message', (m) => {
  if (m === 'start' && !running) {
    running = true;
    times = [];
    void loop();
  } else if (m === 'stop') {
    running = false;
    process.send?.(times);
  } else if (m === 'exit') process.exit(0);
});
process.send?.('ready');
