import { createApp, SERVICE_NAME } from './server.js';

const port = Number(process.env.PORT ?? 3000);
const server = createApp();

server.listen(port, () => {
  console.log(SERVICE_NAME + ' listening on port ' + port);
});

// Containers stop with SIGTERM: finish open requests, then exit.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
