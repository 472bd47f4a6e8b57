/**
 * The web pages (Thymeleaf and the U.S. Web Design System) for every role, over the same services
 * as the API.
 */
package gov.ice.registry.web.pages;
