/**
 * Paging: one {@link dev.scaletoolkit.client.page.Page} at a time, or every item through
 * {@link dev.scaletoolkit.client.page.AutoPager}.
 */
package dev.scaletoolkit.client.page;
