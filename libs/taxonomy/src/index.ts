export { Taxonomy, defaultTaxonomy, loadTaxonomy, labelKey, UNCLASSIFIED } from './taxonomy';
