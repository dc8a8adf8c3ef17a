// @ts-check
import https from 'node:https';

// The image's HEALTHCHECK (no curl in the image): GET https://127.0.0.1:$PORT/healthz. The certificate is not
// verified here on purpose — it is usually self-signed, and this only asks whether the process answers.

const port = Number(process.env.PORT ?? 8443);
const req = https.get({ host: '127.0.0.1', port, path: '/healthz', rejectUnauthorized: false, timeout: 4_000 }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy());
req.on('error', () => process.exit(1));
