import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `npm run dev` proxies the API (REST and the live WebSocket) to a running query service.
const apiTarget = process.env.PULSEBOARD_API ?? 'http://127.0.0.1:8080';
const proxy = { '/api': { target: apiTarget, ws: true, changeOrigin: true } };

export default defineConfig({
  plugins: [react()],
  // Absolute asset URLs: the page is also served at deep links such as /d/<name>.
  base: '/',
  build: {
    // The Maven module packages target/classes, so the jar holds static/index.html + static/assets/;
    // the query service serves classpath static/ at /.
    outDir: 'target/classes/static',
    emptyOutDir: true,
  },
  server: { host: '127.0.0.1', proxy },
  preview: { host: '127.0.0.1', proxy },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
