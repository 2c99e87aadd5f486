// One anonymous AMD module whose value is the widget constructor; CRM modules stay external.
// Not minified: amoCRM moderation rejects minified or obfuscated own code.
const path = require('node:path');

module.exports = {
  mode: 'production',
  // script.js is the widget; documents.js (XLSX and the import pre-flight, with jszip) is a second AMD
  // module the panel loads from the widget's folder on first use, so the widget itself starts small;
  // fixes.js (the fix engine and the fix dialog) is a third, loaded the first time a fix is previewed or undone.
  // preflight-worker.js is a plain worker script (no AMD): the import pre-flight off the CRM page's thread.
  entry: {
    script: './src/shell/index.ts',
    documents: './src/shell/documents-entry.ts',
    fixes: './src/shell/fixes-entry.ts',
    'preflight-worker': {
      import: './src/preflight/worker/entry.ts',
      library: { type: 'var', name: 'setupAuditPreflightWorker' },
    },
  },
  target: ['web', 'es2020'],
  devtool: false,
  output: {
    path: path.resolve(__dirname, 'widget'),
    filename: '[name].js',
    library: { type: 'amd', export: 'default' },
    clean: false,
  },
  externals: {
    jquery: 'jquery',
    underscore: 'underscore',
    moment: 'moment',
    twigjs: 'twigjs',
    'lib/components/base/modal': 'lib/components/base/modal',
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.mjs'],
    // jszip's own prebuilt bundle: a bundled library may ship minified (moderation rule), and its
    // source build would pull Node polyfills (streams, buffers) into the widget.
    alias: { jszip$: path.resolve(__dirname, 'node_modules/jszip/dist/jszip.min.js') },
  },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        loader: 'ts-loader',
        options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.build.json') },
        exclude: /node_modules/,
      },
    ],
  },
  optimization: {
    minimize: false,
    concatenateModules: true,
    moduleIds: 'named',
    splitChunks: false,
    runtimeChunk: false,
  },
  performance: { hints: false },
};
