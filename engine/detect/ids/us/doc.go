// Package us holds the detectors of United States identifiers: the IRS's
// ITIN and EIN, passports, state driver's licences, Medicare Beneficiary
// Identifiers, bank account numbers and DEA registration numbers.
package us
