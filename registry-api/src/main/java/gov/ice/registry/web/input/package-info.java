/**
 * How request input is read strictly: JSON of the right types, plausible dates, exact values, and
 * text without control characters or noncharacters.
 */
package gov.ice.registry.web.input;
