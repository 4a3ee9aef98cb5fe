// Builds the web app: web/ -> web/dist, relative asset paths (base './') so the API server
// can serve it from any mount point, everything bundled (the app works offline).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export const config = defineConfig({
  root: webRoot,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cytoscape alone is ~450 kB minified; one chunk per page is what we want.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        perf: fileURLToPath(new URL('perf.html', import.meta.url)),
      },
    },
  },
});

// Vite reads a config file's default export; this is the one default export it requires.
export default config;
