/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The GraphQL API lives on the braingain server. In development and in `vite preview` the
// app proxies /graphql to it so that the app and the API share one origin (as they do when
// `braingain serve` serves the built files itself).
const api = process.env.BRAINGAIN_API ?? "http://127.0.0.1:8080";
const proxy = { "/graphql": { target: api, changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: { target: "es2020", sourcemap: false, reportCompressedSize: true },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test-setup.ts"],
  },
});
