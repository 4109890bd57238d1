// Package uk holds the detectors of United Kingdom identifiers: National
// Insurance numbers, passports, DVLA driving licences, postcodes and
// vehicle registration marks.
package uk
