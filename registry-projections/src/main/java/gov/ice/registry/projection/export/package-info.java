/** What the registry exports for people to open: CSV that spreadsheets read safely. */
package gov.ice.registry.projection.export;
