/**
 * The published HTTP contract: the OpenAPI document, what it says beyond the annotations, its
 * examples, and the JSON of the domain's typed values.
 */
package gov.ice.registry.web.contract;
