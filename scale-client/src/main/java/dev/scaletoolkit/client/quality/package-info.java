/**
 * Quality: fixless audits and labelers' attempts at quality tasks.
 */
package dev.scaletoolkit.client.quality;
