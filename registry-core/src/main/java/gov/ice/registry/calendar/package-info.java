/**
 * The registry's business-day calendar: weekends and the observed federal holidays.
 */
package gov.ice.registry.calendar;
