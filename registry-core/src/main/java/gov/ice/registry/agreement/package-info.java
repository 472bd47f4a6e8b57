/**
 * The agreement aggregate and its stage classes: each a pure function from the agreement's state
 * and a command to the events it decides, with the handbook's rules by id.
 */
package gov.ice.registry.agreement;
