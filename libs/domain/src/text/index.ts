export * from './hidden-characters.js';
