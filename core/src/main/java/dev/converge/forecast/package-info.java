/**
 * The forecast: when trunk is expected to reach every environment, wave by wave, and why each gate
 * opens when it does (soak end, window opening, freeze end, an approval waiting on a person). It is
 * made by planning repeatedly with the real planner on a ledger extended with assumed events, and it
 * lists those assumptions. Pure: the instant is given, never read from a clock. Start at
 * {@link dev.converge.forecast.Forecaster}.
 */
@ValueStyle
package dev.converge.forecast;

import dev.converge.internal.value.ValueStyle;
