export { Mulberry32, mulberry32 } from './mulberry32';
