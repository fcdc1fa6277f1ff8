// The page's and the widget's worker: the core's single-report build (worker-serve.js has the protocol).
import createGouji from './gouji.mjs';
import { serve } from './worker-serve.js';

serve(createGouji);
